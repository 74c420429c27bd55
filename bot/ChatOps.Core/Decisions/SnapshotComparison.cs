using System.Text.Json;
using System.Text.Json.Nodes;
using ChatOps.Core.Incidents;

namespace ChatOps.Core.Decisions;

/// <summary>
/// Replays an incident's records into a fresh projection and compares it with the stored snapshot field by field,
/// the whole snapshot and not only what the gate reads (approvals, patches, status): anything a command reads from
/// the snapshot must be what the records say.
/// </summary>
public static class SnapshotComparison
{
    /// <summary>The first field where <paramref name="stored"/> and the replay of <paramref name="records"/> differ, or null when they agree.</summary>
    public static SnapshotDifference? Compare(Incident stored, IReadOnlyList<DecisionRecord> records)
    {
        ArgumentNullException.ThrowIfNull(stored);
        ArgumentNullException.ThrowIfNull(records);
        Incident? replayed = null;
        foreach (var record in records)
        {
            try
            {
                replayed = IncidentProjector.Apply(replayed, record, EventSerializer.Deserialize(record.Kind, record.Payload), stored.Id);
            }
            catch (Exception ex) when (ex is JsonException or UnknownEventKindException or InvalidOperationException or NotSupportedException)
            {
                return new SnapshotDifference("(record)", "-", $"record {record.Sequence} ({record.Kind}) that cannot be replayed", record.Sequence);
            }
        }

        if (replayed is null)
        {
            return new SnapshotDifference("(records)", "an incident", "no records", null);
        }

        var path = new List<object>();
        var storedJson = ToNode(stored);
        var replayedJson = ToNode(replayed);
        if (!FindDifference(storedJson, replayedJson, path))
        {
            return null;
        }

        return new SnapshotDifference(Format(path), Show(At(storedJson, path)), Show(At(replayedJson, path)), LastSetBy(stored.Id, records, path));
    }

    private static JsonNode? ToNode(Incident incident) => JsonSerializer.SerializeToNode(incident, EventSerializer.Options);

    /// <summary>Depth-first, in the snapshot's own field order, so the first difference named is stable.</summary>
    private static bool FindDifference(JsonNode? a, JsonNode? b, List<object> path)
    {
        switch (a, b)
        {
            case (JsonObject left, JsonObject right):
                foreach (var name in left.Select(p => p.Key).Concat(right.Select(p => p.Key).Where(k => !left.ContainsKey(k))))
                {
                    path.Add(name);
                    if (FindDifference(left[name], right[name], path))
                    {
                        return true;
                    }

                    path.RemoveAt(path.Count - 1);
                }

                return false;
            case (JsonArray left, JsonArray right):
                for (var i = 0; i < Math.Max(left.Count, right.Count); i++)
                {
                    path.Add(i);
                    if (FindDifference(i < left.Count ? left[i] : null, i < right.Count ? right[i] : null, path))
                    {
                        return true;
                    }

                    path.RemoveAt(path.Count - 1);
                }

                return false;
            default:
                return !JsonNode.DeepEquals(a, b);
        }
    }

    /// <summary>Replays again, one record at a time, and answers the last record after which the field's value changed.</summary>
    private static long? LastSetBy(string incidentId, IReadOnlyList<DecisionRecord> records, List<object> path)
    {
        Incident? state = null;
        string? previous = null;
        long? last = null;
        foreach (var record in records)
        {
            state = IncidentProjector.Apply(state, record, EventSerializer.Deserialize(record.Kind, record.Payload), incidentId);
            var value = Show(At(ToNode(state), path));
            if (value != previous)
            {
                last = previous is null && value == Missing ? null : record.Sequence;
                previous = value;
            }
        }

        return last;
    }

    private const string Missing = "(absent)";

    private static JsonNode? At(JsonNode? node, List<object> path)
    {
        foreach (var segment in path)
        {
            node = (node, segment) switch
            {
                (JsonObject o, string name) => o[name],
                (JsonArray a, int i) when i < a.Count => a[i],
                _ => null,
            };
        }

        return node;
    }

    private static string Show(JsonNode? node)
    {
        if (node is null)
        {
            return Missing;
        }

        var text = node.ToJsonString();
        return text.Length <= 80 ? text : text[..77] + "...";
    }

    private static string Format(List<object> path) =>
        string.Concat(path.Select((segment, i) => segment is int index ? $"[{index}]" : (i == 0 ? "" : ".") + segment));
}
