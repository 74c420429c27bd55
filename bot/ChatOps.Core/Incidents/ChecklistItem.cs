namespace ChatOps.Core.Incidents;

/// <summary>One item of a phase checklist; who ticked it and when.</summary>
public sealed class ChecklistItem
{
    public required string Id { get; init; }

    public required string Text { get; init; }

    public Participant? Owner { get; set; }

    public bool Done { get; set; }

    public Participant? DoneBy { get; set; }

    public DateTimeOffset? DoneAt { get; set; }
}
