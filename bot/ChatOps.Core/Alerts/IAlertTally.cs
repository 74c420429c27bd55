namespace ChatOps.Core.Alerts;

/// <summary>
/// How many times each recorded alert has fired, kept beside the incident rather than in its decision log: a repeat
/// firing changes nothing anybody decided, and a flood must not become a flood of records (or of messages).
/// </summary>
public interface IAlertTally
{
    /// <summary>Counts one repeat firing; returns the firings so far, the first (recorded in the incident) included.</summary>
    Task<int> AddRepeatAsync(string tenantId, string incidentId, string alertId, CancellationToken cancellationToken = default);

    /// <summary>The firings so far (1 when the alert never repeated).</summary>
    Task<int> GetAsync(string tenantId, string incidentId, string alertId, CancellationToken cancellationToken = default);
}
