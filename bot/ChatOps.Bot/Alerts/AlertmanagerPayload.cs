using System.Text.Json;

namespace ChatOps.Bot.Alerts;

/// <summary>
/// Prometheus Alertmanager's webhook (<c>webhook_config</c>, payload <c>"version": "4"</c>): a group of alerts per post, each
/// with <c>status</c> firing or resolved, <c>labels</c>, <c>annotations</c> and its <c>fingerprint</c>, the identity used
/// to recognise repeats (prometheus.io/docs/alerting/latest/configuration/#webhook_config).
/// </summary>
public static class AlertmanagerPayload
{
    public static IReadOnlyList<ParsedAlert> Parse(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object || Text(root, "version") != "4")
        {
            throw new AlertPayloadException("Expected an Alertmanager webhook payload (\"version\": \"4\").");
        }

        if (!root.TryGetProperty("alerts", out var alerts) || alerts.ValueKind != JsonValueKind.Array)
        {
            throw new AlertPayloadException("alerts must be an array.");
        }

        var parsed = new List<ParsedAlert>();
        var index = 0;
        foreach (var alert in alerts.EnumerateArray())
        {
            var at = $"alerts[{index++}]";
            if (alert.ValueKind != JsonValueKind.Object)
            {
                throw new AlertPayloadException($"{at} must be an object.");
            }

            var fingerprint = Text(alert, "fingerprint") is { Length: > 0 } f ? f : throw new AlertPayloadException($"{at}.fingerprint is missing (Alertmanager 0.19 or later sends it).");
            var firing = Text(alert, "status") switch
            {
                "firing" => true,
                "resolved" => false,
                _ => throw new AlertPayloadException($"{at}.status must be firing or resolved."),
            };
            var labels = Strings(alert, "labels", at);
            var annotations = Strings(alert, "annotations", at);
            var name = labels.TryGetValue("alertname", out var alertName) ? alertName : "Alertmanager alert";
            var summary = annotations.TryGetValue("summary", out var s) ? s : annotations.TryGetValue("description", out var d) ? d : null;
            parsed.Add(new ParsedAlert(fingerprint, name, firing, summary, [], labels));
        }

        return parsed;
    }

    private static Dictionary<string, string> Strings(JsonElement alert, string name, string at)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!alert.TryGetProperty(name, out var obj))
        {
            return values;
        }

        if (obj.ValueKind != JsonValueKind.Object)
        {
            throw new AlertPayloadException($"{at}.{name} must be an object of strings.");
        }

        foreach (var property in obj.EnumerateObject())
        {
            values[property.Name] = property.Value.ValueKind == JsonValueKind.String
                ? property.Value.GetString()!
                : throw new AlertPayloadException($"{at}.{name}.{property.Name} must be a string.");
        }

        return values;
    }

    private static string? Text(JsonElement obj, string name) =>
        obj.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
