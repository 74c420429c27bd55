namespace ChatOps.Core.Views;

/// <summary>One page (1-based) of an incident's decision log, with previous/next buttons.</summary>
public sealed record DecisionLogPageView(
    string IncidentId,
    string IncidentNumber,
    int Page,
    int PageCount,
    IReadOnlyList<DecisionLogLine> Entries) : View
{
    public override string FallbackText => $"{IncidentNumber} decision log, page {Page} of {PageCount}: {Entries.Count} entries";
}
