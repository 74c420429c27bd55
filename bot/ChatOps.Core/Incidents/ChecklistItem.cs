namespace ChatOps.Core.Incidents;

/// <summary>One item of a phase checklist; who ticked it and when.</summary>
public sealed class ChecklistItem
{
    public required string Id { get; init; }

    public required string Text { get; init; }

    /// <summary>What in the record ticks this item (<see cref="Workflow.ChecklistTriggers"/>), from the playbook's <c>done-when</c>; null when only people tick it.</summary>
    public string? DoneWhen { get; init; }

    public Participant? Owner { get; set; }

    public bool Done { get; set; }

    public Participant? DoneBy { get; set; }

    public DateTimeOffset? DoneAt { get; set; }
}
