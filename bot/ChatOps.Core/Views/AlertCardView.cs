namespace ChatOps.Core.Views;

/// <summary>
/// A monitoring alert on a system whose patch was just deployed (issue 20), posted once to the incident's channel and
/// replaced in place as it repeats (<paramref name="Count"/> firings so far), resolves, or is kept or rolled back.
/// <paramref name="SinceDeploy"/> is the time from the deployment's start to the first firing. While
/// <paramref name="Status"/> is firing the card offers Roll back and Keep (Keep needs a reason).
/// </summary>
public sealed record AlertCardView(
    string IncidentId,
    string IncidentNumber,
    string AlertId,
    string Name,
    string Source,
    string System,
    string PatchId,
    string? Summary,
    DateTimeOffset FiredAt,
    TimeSpan? SinceDeploy,
    int Count,
    AlertCardStatus Status,
    DateTimeOffset? ChangedAt,
    string? DecidedBy,
    string? Reason) : View
{
    public bool Actionable => Status == AlertCardStatus.Firing;

    public override string FallbackText =>
        $"{IncidentNumber} alert {AlertId} on {System} after {PatchId}: {Name} ({Status.ToString().ToLowerInvariant()}, fired {Count}×)";
}
