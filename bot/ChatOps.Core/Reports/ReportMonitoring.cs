using ChatOps.Core.Decisions;
using ChatOps.Core.Decisions.Events;
using ChatOps.Core.Incidents;

namespace ChatOps.Core.Reports;

/// <summary>
/// The monitoring section, from the decision records: each system of each deployed patch, its deploy → verify time
/// (the patch's latest deployment start before the system's first "patched" after it) and its alerts by outcome.
/// </summary>
public static class ReportMonitoring
{
    public static IReadOnlyList<ReportMonitoredSystem> Build(Incident incident, IReadOnlyList<DecisionRecord> records)
    {
        ArgumentNullException.ThrowIfNull(incident);
        ArgumentNullException.ThrowIfNull(records);
        var events = records.Select(r => (Record: r, Event: Read(r))).Where(e => e.Event is not null).ToList();
        var systems = new List<ReportMonitoredSystem>();
        foreach (var patch in incident.Patches)
        {
            var starts = events.Where(e => e.Event is DeploymentStarted s && Same(s.PatchId, patch.Id)).Select(e => e.Record.At).ToList();
            if (starts.Count == 0)
            {
                continue;
            }

            foreach (var system in patch.Systems.Keys)
            {
                var verified = events.FirstOrDefault(e => e.Event is SystemPatchStateChanged c && Same(c.PatchId, patch.Id)
                    && c.State is SystemPatchState.Patched or SystemPatchState.Verified && c.Systems.Contains(system, StringComparer.OrdinalIgnoreCase)).Record?.At;
                var deployed = verified is { } v ? starts.LastOrDefault(s => s <= v, starts[0]) : starts[^1];
                var alerts = incident.Alerts.Where(a => Same(a.PatchId, patch.Id) && Same(a.System, system)).Select(a => a.Id).ToHashSet(StringComparer.Ordinal);
                int Ended(AlertState state) => events.Count(e => e.Event is AlertChanged c && c.State == state && alerts.Contains(c.AlertId));
                systems.Add(new ReportMonitoredSystem(patch.Id, system, deployed, verified,
                    verified is { } at ? (long)Math.Max(0, (at - deployed).TotalSeconds) : null,
                    alerts.Count, Ended(AlertState.Resolved), Ended(AlertState.Kept), Ended(AlertState.RolledBack)));
            }
        }

        return systems;
    }

    /// <summary>Time to verify: from the first deployment start to the first system verified patched after it, in seconds.</summary>
    public static long? TimeToVerifySeconds(IReadOnlyList<ReportMonitoredSystem> systems)
    {
        ArgumentNullException.ThrowIfNull(systems);
        var first = systems.Where(s => s.VerifiedAt is not null).OrderBy(s => s.VerifiedAt).FirstOrDefault();
        return first?.DeployToVerifySeconds;
    }

    private static bool Same(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);

    private static IncidentEvent? Read(DecisionRecord record)
    {
        try
        {
            return record.Kind is DeploymentStarted.EventKind or SystemPatchStateChanged.EventKind or AlertChanged.EventKind
                ? EventSerializer.Deserialize(record.Kind, record.Payload)
                : null;
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }
}
