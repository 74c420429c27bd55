namespace ChatOps.Core.Views;

/// <summary>
/// A deployment window; cards show it in UTC. <paramref name="Requested"/> when it is not a configured maintenance
/// window (the request went through the emergency rule), so the card never calls it a maintenance window.
/// </summary>
public sealed record TimeWindowLine(DateTimeOffset Start, DateTimeOffset End, bool Requested = false)
{
    public string Label => Requested ? "Requested window" : "Maintenance window";
}
