using System.Text.Json;
using System.Text.Json.Serialization;

namespace ChatOps.Slack.Work;

/// <summary>A work item as stored in the durable intake (source-generated JSON; the receipt is not stored).</summary>
public static class SlackWorkItemJson
{
    public static string Serialize(SlackWorkItem item) => JsonSerializer.Serialize(item, SlackWorkItemJsonContext.Default.SlackWorkItem);

    /// <summary>The stored item, or null when the body is not one (a message that can never be applied).</summary>
    public static SlackWorkItem? Deserialize(string body)
    {
        try
        {
            return JsonSerializer.Deserialize(body, SlackWorkItemJsonContext.Default.SlackWorkItem);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}

[JsonSerializable(typeof(SlackWorkItem))]
[JsonSourceGenerationOptions(UseStringEnumConverter = true)]
internal sealed partial class SlackWorkItemJsonContext : JsonSerializerContext;
