namespace ChatOps.Core.Decisions;

/// <summary>
/// Where a stored snapshot disagrees with the replay of its records: the JSON path of the field (e.g.
/// <c>approvals[0].status</c>), both values, and the record that last set the field in the replay (null when no record
/// sets it, or when a record cannot be replayed at all).
/// </summary>
public sealed record SnapshotDifference(string Field, string Stored, string Replayed, long? Sequence)
{
    public string Describe() => Sequence is { } sequence
        ? $"the stored state disagrees with the records at {Field}: stored {Stored}, the records give {Replayed} (last set by record {sequence})"
        : $"the stored state disagrees with the records at {Field}: stored {Stored}, the records give {Replayed} (no record sets it)";
}
