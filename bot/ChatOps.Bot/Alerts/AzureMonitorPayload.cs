using System.Text.Json;

namespace ChatOps.Bot.Alerts;

/// <summary>
/// Azure Monitor's common alert schema (<c>schemaId: azureMonitorCommonAlertSchema</c>): one alert per post, its identity
/// <c>data.essentials.alertId</c>, <c>monitorCondition</c> Fired or Resolved, the affected resources in <c>alertTargetIDs</c>
/// (learn.microsoft.com/azure/azure-monitor/alerts/alerts-common-schema).
/// </summary>
public static class AzureMonitorPayload
{
    public const string SchemaId = "azureMonitorCommonAlertSchema";

    public static IReadOnlyList<ParsedAlert> Parse(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object || Text(root, "schemaId") != SchemaId)
        {
            throw new AlertPayloadException($"Expected Azure Monitor's common alert schema (\"schemaId\": \"{SchemaId}\"); enable the common alert schema on the action group's webhook.");
        }

        if (!root.TryGetProperty("data", out var data) || data.ValueKind != JsonValueKind.Object
            || !data.TryGetProperty("essentials", out var essentials) || essentials.ValueKind != JsonValueKind.Object)
        {
            throw new AlertPayloadException("data.essentials is missing.");
        }

        var id = Text(essentials, "alertId") is { Length: > 0 } alertId ? alertId : throw new AlertPayloadException("data.essentials.alertId is missing.");
        var firing = Text(essentials, "monitorCondition") switch
        {
            "Fired" => true,
            "Resolved" => false,
            _ => throw new AlertPayloadException("data.essentials.monitorCondition must be Fired or Resolved."),
        };
        var targets = new List<string>();
        if (essentials.TryGetProperty("alertTargetIDs", out var ids))
        {
            if (ids.ValueKind != JsonValueKind.Array || ids.EnumerateArray().Any(i => i.ValueKind != JsonValueKind.String))
            {
                throw new AlertPayloadException("data.essentials.alertTargetIDs must be an array of resource ids.");
            }

            targets.AddRange(ids.EnumerateArray().Select(i => i.GetString()!));
        }

        var name = Text(essentials, "alertRule") ?? "Azure Monitor alert";
        var severity = Text(essentials, "severity");
        var description = Text(essentials, "description") is { Length: > 0 } d ? d : null;
        var summary = severity is null ? description : description is null ? severity : $"{severity}: {description}";
        return [new ParsedAlert(id, name, firing, summary, targets, new Dictionary<string, string>())];
    }

    private static string? Text(JsonElement obj, string name) =>
        obj.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
