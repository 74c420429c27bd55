using ChatOps.Core.Incidents;

namespace ChatOps.Core.Decisions;

/// <summary>
/// Everything <c>verify</c> checks. The chain proves each record links to the one before; the keyed checkpoint
/// (written outside the incident's partition) proves the head is the one the bot wrote, so a consistent rewrite or a
/// deleted tail by someone without <c>Audit:Key</c> shows; the replay proves the snapshot commands and the gate read
/// is what the records say.
/// </summary>
public static class IncidentAudit
{
    public const string NoKeyCaveat =
        "Audit:Key is not set (Development), so no keyed checkpoint was checked: a consistent rewrite of the records and the state would not be detected.";

    public static AuditReport Verify(Incident incident, IReadOnlyList<DecisionRecord> records, AuditCheckpoint? checkpoint, AuditCheckpointSigner? signer)
    {
        ArgumentNullException.ThrowIfNull(incident);
        ArgumentNullException.ThrowIfNull(records);
        var problems = new List<string>();
        var chain = LogAudit.Verify(incident, records);
        if (!chain.IsIntact)
        {
            problems.Add($"first record that does not match: {chain.FirstBadSequence}. {char.ToUpperInvariant(chain.Problem![0])}{chain.Problem[1..]}");
        }

        string? caveat = null;
        if (signer is not { IsKeyed: true })
        {
            caveat = NoKeyCaveat;
        }
        else if (CheckpointProblem(incident, records, checkpoint, signer) is { } problem)
        {
            problems.Add(problem);
        }

        if (chain.IsIntact && SnapshotComparison.Compare(incident, records) is { } difference)
        {
            problems.Add(difference.Describe());
        }

        return new AuditReport(records.Count, chain.IsIntact ? chain.LastHash : null, problems, caveat);
    }

    private static string? CheckpointProblem(Incident incident, IReadOnlyList<DecisionRecord> records, AuditCheckpoint? checkpoint, AuditCheckpointSigner signer)
    {
        if (checkpoint is null)
        {
            return "there is no keyed checkpoint of this incident's log (it was removed, no change has been recorded since checkpoints began, or the bot stopped before writing it)";
        }

        if (!signer.Verify(checkpoint) || checkpoint.Sequence < 1 || checkpoint.TenantId != incident.TenantId || checkpoint.IncidentId != incident.Id)
        {
            return $"the keyed checkpoint at record {checkpoint.Sequence} is not valid for this incident under Audit:Key (edited, or signed with another key)";
        }

        if (checkpoint.Sequence > records.Count)
        {
            return $"records {records.Count + 1}..{checkpoint.Sequence} are missing: the keyed checkpoint says the log reached record {checkpoint.Sequence}";
        }

        var head = records[(int)checkpoint.Sequence - 1];
        if (!string.Equals(head.Hash, checkpoint.Hash, StringComparison.Ordinal) || head.Sequence != checkpoint.Sequence)
        {
            return $"record {checkpoint.Sequence} does not match the keyed checkpoint: the log up to it was rewritten";
        }

        return checkpoint.Sequence < records.Count
            ? $"records {checkpoint.Sequence + 1}..{records.Count} are not covered by a keyed checkpoint (written without Audit:Key, or their checkpoint was not written: the write failed or the bot stopped before it)"
            : null;
    }
}
