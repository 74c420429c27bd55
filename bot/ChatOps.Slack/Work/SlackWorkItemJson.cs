using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace ChatOps.Slack.Work;

/// <summary>
/// A work item as stored in the durable intake (source-generated JSON; the receipt is not stored). A message holds one
/// item as itself, or several (<see cref="SlackIntake"/>'s group commit) as <c>{"batch":[item, item, …]}</c>.
/// </summary>
public static class SlackWorkItemJson
{
    private const string BatchProperty = "batch";

    public static string Serialize(SlackWorkItem item) => JsonSerializer.Serialize(item, SlackWorkItemJsonContext.Default.SlackWorkItem);

    /// <summary>One message body holding <paramref name="items"/>, each already serialised by <see cref="Serialize"/>.</summary>
    public static string SerializeBatch(IReadOnlyList<string> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteStartArray(BatchProperty);
            foreach (var item in items)
            {
                writer.WriteRawValue(item, skipInputValidation: true);
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

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

    /// <summary>
    /// Every item a stored message holds, each with its place (<see cref="SlackWorkItem.Part"/>) when the message holds
    /// several; null when the body, or any item in it, is not a work item (a message that can never be applied).
    /// </summary>
    public static IReadOnlyList<SlackWorkItem>? DeserializeAll(string body)
    {
        ArgumentNullException.ThrowIfNull(body);
        try
        {
            using var document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind != JsonValueKind.Object
                || !document.RootElement.TryGetProperty(BatchProperty, out var batch))
            {
                return Deserialize(body) is { } single ? [single] : null;
            }

            if (batch.ValueKind != JsonValueKind.Array || batch.GetArrayLength() == 0)
            {
                return null;
            }

            var items = new List<SlackWorkItem>(batch.GetArrayLength());
            foreach (var element in batch.EnumerateArray())
            {
                if (element.Deserialize(SlackWorkItemJsonContext.Default.SlackWorkItem) is not { } item)
                {
                    return null;
                }

                items.Add(item with { Part = items.Count });
            }

            return items;
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
