namespace ChatOps.Core.Views;

/// <summary>The containment actions of an incident.</summary>
public sealed record ContainmentLedgerView(string IncidentNumber, IReadOnlyList<ContainmentActionLine> Actions) : View
{
    public override string FallbackText =>
        $"{IncidentNumber} containment: {Actions.Count} action(s), {Actions.Count(a => a.Mark == ContainmentMark.Open)} open";
}
