using ChatOps.Core.Incidents;

namespace ChatOps.Core.Decisions;

/// <summary>
/// Verifies a decision log: the hash chain over the records, and that the chain ends where the incident's state
/// says it does. The state is written in the same transaction as the records, so a record deleted from the END
/// of the log (which leaves a shorter but internally valid chain) is caught by the comparison.
/// </summary>
public static class LogAudit
{
    public static ChainVerification Verify(Incident incident, IReadOnlyList<DecisionRecord> records)
    {
        ArgumentNullException.ThrowIfNull(incident);
        ArgumentNullException.ThrowIfNull(records);
        var chain = HashChain.Verify(records);
        if (!chain.IsIntact)
        {
            return chain;
        }

        if (records.Count < incident.Version)
        {
            return ChainVerification.Broken(records.Count, records.Count + 1,
                $"record {records.Count + 1} is missing: the log ends at record {records.Count}, but the incident was last changed by record {incident.Version}");
        }

        if (records.Count > incident.Version || !string.Equals(chain.LastHash, incident.LastHash, StringComparison.Ordinal))
        {
            var at = Math.Min(records.Count, incident.Version);
            return ChainVerification.Broken(records.Count, at,
                $"record {at} does not match the incident's state (the state records {incident.Version} record(s) ending in hash {incident.LastHash})");
        }

        return chain;
    }
}
