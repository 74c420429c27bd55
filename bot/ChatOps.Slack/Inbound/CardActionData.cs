using System.Text.Json;
using ChatOps.Slack.Wire;

namespace ChatOps.Slack.Inbound;

/// <summary>
/// Builds <c>CardAction.Data</c>: a button's <c>value</c> (a JSON object our renderer wrote, or a plain string),
/// modal <c>private_metadata</c>, and input values from <c>state.values</c>. None of it is identity: the actor
/// always comes from the payload's <c>user</c>.
/// </summary>
public static class CardActionData
{
    /// <summary>A button value: JSON object properties as strings, or <c>{"value": raw}</c> for a plain value.</summary>
    public static Dictionary<string, string> FromValue(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return [];
        }

        return TryReadObject(value) ?? new Dictionary<string, string>(StringComparer.Ordinal) { ["value"] = value };
    }

    /// <summary>Modal <c>private_metadata</c>: must be a JSON object (we write it when opening the modal).</summary>
    public static Dictionary<string, string> FromMetadata(string? metadata)
    {
        if (string.IsNullOrEmpty(metadata))
        {
            return [];
        }

        return TryReadObject(metadata)
            ?? throw new SlackPayloadException("View private_metadata is not a JSON object.");
    }

    /// <summary>Input values keyed by each element's <c>action_id</c>.</summary>
    public static Dictionary<string, string> FromState(SlackViewState? state)
    {
        var data = new Dictionary<string, string>(StringComparer.Ordinal);
        if (state is null)
        {
            return data;
        }

        foreach (var block in state.Values.Values)
        {
            foreach (var (actionId, element) in block)
            {
                if (ReadInput(element) is { } value)
                {
                    data[actionId] = value;
                }
            }
        }

        return data;
    }

    /// <summary>Copies <paramref name="source"/> over <paramref name="target"/> (later sources win).</summary>
    public static Dictionary<string, string> Merge(Dictionary<string, string> target, IReadOnlyDictionary<string, string> source)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(source);
        foreach (var (key, value) in source)
        {
            target[key] = value;
        }

        return target;
    }

    private static string? ReadInput(JsonElement element)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        foreach (var name in (string[])["value", "selected_date", "selected_time", "selected_date_time", "selected_user", "selected_conversation", "selected_channel"])
        {
            if (element.TryGetProperty(name, out var single) && single.ValueKind is not JsonValueKind.Null)
            {
                return single.ValueKind == JsonValueKind.String ? single.GetString() : single.GetRawText();
            }
        }

        if (element.TryGetProperty("selected_option", out var option) && option.ValueKind == JsonValueKind.Object)
        {
            return option.TryGetProperty("value", out var v) ? v.GetString() : null;
        }

        foreach (var name in (string[])["selected_options", "selected_users", "selected_conversations", "selected_channels"])
        {
            if (element.TryGetProperty(name, out var many) && many.ValueKind == JsonValueKind.Array)
            {
                return string.Join(',', many.EnumerateArray().Select(item =>
                    item.ValueKind == JsonValueKind.Object && item.TryGetProperty("value", out var v) ? v.GetString() : item.GetString()));
            }
        }

        return null;
    }

    private static Dictionary<string, string>? TryReadObject(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return null;
            }

            var data = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var property in document.RootElement.EnumerateObject())
            {
                data[property.Name] = property.Value.ValueKind switch
                {
                    JsonValueKind.String => property.Value.GetString()!,
                    JsonValueKind.Null => string.Empty,
                    _ => property.Value.GetRawText(),
                };
            }

            return data;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
