namespace ChatOps.Core.Views;

/// <summary>The incident at a glance: what, how bad, where in the seven phases, who, and what is still open.</summary>
public sealed record IncidentSummaryView(
    string IncidentId,
    string Number,
    string Title,
    SeverityBadge Severity,
    IReadOnlyList<PhaseStepLine> Phases,
    IReadOnlyList<string> OpenItems,
    IReadOnlyList<RoleLine> Roles,
    IReadOnlyList<AcknowledgementLine> Acknowledgements,
    string? LastUpdate,
    DateTimeOffset? LastUpdatedAt) : View
{
    public override string FallbackText
    {
        get
        {
            var current = Phases.FirstOrDefault(p => p.Progress == PhaseProgress.Current)?.Name ?? "none";
            return $"{Number} {Title} ({Severity.ToString().ToLowerInvariant()}), phase {current}, {OpenItems.Count} open item(s)";
        }
    }
}
