namespace ChatOps.Core.Alerts;

/// <summary>What the intake did with one alert.</summary>
public enum AlertIntakeOutcome
{
    /// <summary>A first firing or a resolution was recorded in an incident.</summary>
    Recorded,

    /// <summary>A repeat firing: counted, the card updated, nothing recorded.</summary>
    Repeated,

    /// <summary>No mapping rule named a system: logged and counted.</summary>
    UnknownSystem,

    /// <summary>The system is known but no active incident watches a deployment on it now: logged and counted.</summary>
    NotWatched,
}
