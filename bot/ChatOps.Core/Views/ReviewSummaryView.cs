namespace ChatOps.Core.Views;

/// <summary>The post-incident review.</summary>
public sealed record ReviewSummaryView(
    string IncidentNumber,
    string Title,
    IReadOnlyList<string> WentWell,
    IReadOnlyList<string> WentBadly,
    string? RootCause,
    IReadOnlyList<string> Lessons,
    IReadOnlyList<ReviewActionItemLine> ActionItems,
    IReadOnlyList<string> PolicyUpdates) : View
{
    public override string FallbackText =>
        $"{IncidentNumber} review: {Title}. {ActionItems.Count} action item(s), {PolicyUpdates.Count} policy update(s)";
}
