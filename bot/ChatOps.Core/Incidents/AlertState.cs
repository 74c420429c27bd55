namespace ChatOps.Core.Incidents;

/// <summary>Where an alert on a watched system stands. Values are stored by name; new ones go last.</summary>
public enum AlertState
{
    /// <summary>Firing and not decided: the system shows "alert" and <c>deploy verify … ok</c> is refused for it.</summary>
    Firing,

    /// <summary>The monitoring source said it resolved.</summary>
    Resolved,

    /// <summary>Someone decided to keep the deployment despite the alert, with a reason.</summary>
    Kept,

    /// <summary>The patch was rolled back because of the alert.</summary>
    RolledBack,
}
