namespace ChatOps.Core.Incidents;

/// <summary>An entry of the containment ledger: what was done, who owns it, and how (and whether) it was reversed.</summary>
public sealed class ContainmentAction
{
    public required string Id { get; init; }

    public required string Action { get; init; }

    public required string Undo { get; init; }

    public Participant? Owner { get; init; }

    public ContainmentState State { get; set; }

    public DateTimeOffset? DoneAt { get; set; }

    public Participant? DoneBy { get; set; }

    public DateTimeOffset? ReversedAt { get; set; }

    public Participant? ReversedBy { get; set; }

    public string? KeptReason { get; set; }

    /// <summary>Still needs attention before close: not reversed and not explicitly kept.</summary>
    public bool BlocksClose => State is ContainmentState.Open or ContainmentState.Done;
}
