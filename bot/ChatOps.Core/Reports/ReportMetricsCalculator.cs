using System.Text.Json;
using System.Text.Json.Nodes;
using ChatOps.Core.Decisions;
using ChatOps.Core.Decisions.Events;
using ChatOps.Core.Incidents;

namespace ChatOps.Core.Reports;

/// <summary>Computes the report's metrics from the decision records (see <see cref="ReportMetrics"/> for definitions).</summary>
public static class ReportMetricsCalculator
{
    public static ReportMetrics Compute(Incident incident, IReadOnlyList<DecisionRecord> records)
    {
        ArgumentNullException.ThrowIfNull(incident);
        ArgumentNullException.ThrowIfNull(records);
        var start = incident.DeclaredAt;
        var contained = First(records, r =>
            (r.Kind == ContainmentChanged.EventKind && Event<ContainmentChanged>(r)?.State == ContainmentState.Done)
            || (r.Kind == PhaseChanged.EventKind && Event<PhaseChanged>(r)?.From == Phase.Contain));
        var approved = First(records, r => r.Kind == "approval.voted" && IsApproving(r.Payload));
        var patched = First(records, r => r.Kind == SystemPatchStateChanged.EventKind && Event<SystemPatchStateChanged>(r)?.State is SystemPatchState.Patched or SystemPatchState.Verified);
        return new ReportMetrics(Seconds(start, contained), Seconds(start, approved), Seconds(start, patched), Seconds(start, incident.ClosedAt));
    }

    private static DateTimeOffset? First(IEnumerable<DecisionRecord> records, Func<DecisionRecord, bool> predicate) =>
        records.FirstOrDefault(predicate)?.At;

    private static long? Seconds(DateTimeOffset start, DateTimeOffset? end) =>
        end is { } e ? (long)Math.Max(0, (e - start).TotalSeconds) : null;

    private static T? Event<T>(DecisionRecord record)
        where T : IncidentEvent
    {
        try
        {
            return EventSerializer.Deserialize(record.Kind, record.Payload) as T;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    // Approvals are read from the payload so the metric does not depend on the approval feature's types.
    private static bool IsApproving(string payload)
    {
        try
        {
            return JsonNode.Parse(payload) is JsonObject o && o["approved"] is JsonValue v && v.TryGetValue<bool>(out var approved) && approved;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
