using System.Collections.Concurrent;
using ChatOps.Core.Alerts;

namespace ChatOps.Testing;

/// <summary>In-memory <see cref="IAlertTally"/>: repeat firings per tenant, incident and alert.</summary>
public sealed class InMemoryAlertTally : IAlertTally
{
    private readonly ConcurrentDictionary<string, int> _repeats = new(StringComparer.Ordinal);

    public Task<int> AddRepeatAsync(string tenantId, string incidentId, string alertId, CancellationToken cancellationToken = default) =>
        Task.FromResult(_repeats.AddOrUpdate($"{tenantId}|{incidentId}|{alertId}", 1, (_, n) => n + 1) + 1);

    public Task<int> GetAsync(string tenantId, string incidentId, string alertId, CancellationToken cancellationToken = default) =>
        Task.FromResult(_repeats.GetValueOrDefault($"{tenantId}|{incidentId}|{alertId}") + 1);
}
