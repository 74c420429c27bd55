namespace ChatOps.Core.Views;

/// <summary>
/// The checklist of one phase. <paramref name="Version"/> is the incident version the card was rendered from;
/// every toggle carries it back so a stale card is detected.
/// </summary>
public sealed record ChecklistView(
    string IncidentId,
    string IncidentNumber,
    string Phase,
    long Version,
    IReadOnlyList<ChecklistItemLine> Items) : View
{
    public override string FallbackText =>
        $"{IncidentNumber} {Phase} checklist: {Items.Count(i => i.Mark == ChecklistItemMark.Done)}/{Items.Count} done";
}
