using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.WebUtilities;

namespace ChatOps.Slack.Wire;

/// <summary>Reads the <c>payload</c> form field of an interaction request (a JSON document) and tells its type.</summary>
public static class InteractionPayload
{
    public static JsonDocument Parse(string formBody)
    {
        var form = new FormReader(formBody).ReadForm();
        if (!form.TryGetValue("payload", out var payload) || string.IsNullOrEmpty(payload))
        {
            throw new SlackPayloadException("Interaction field 'payload' is missing.");
        }

        try
        {
            var document = JsonDocument.Parse(payload.ToString());
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                document.Dispose();
                throw new SlackPayloadException("Interaction payload is not a JSON object.");
            }

            return document;
        }
        catch (JsonException ex)
        {
            throw new SlackPayloadException("Interaction payload is not valid JSON.", ex);
        }
    }

    public static string TypeOf(JsonDocument payload)
    {
        ArgumentNullException.ThrowIfNull(payload);
        return payload.RootElement.TryGetProperty("type", out var type) && type.ValueKind == JsonValueKind.String
            ? type.GetString()!
            : throw new SlackPayloadException("Interaction payload has no 'type'.");
    }

    /// <summary>Reads the payload as <typeparamref name="T"/>, one of the interaction payloads of <see cref="SlackJsonContext"/>.</summary>
    public static T Deserialize<T>(JsonDocument payload)
    {
        ArgumentNullException.ThrowIfNull(payload);
        var type = SlackJsonContext.Default.GetTypeInfo(typeof(T)) as JsonTypeInfo<T>
            ?? throw new InvalidOperationException($"{typeof(T).Name} is not a Slack wire type of {nameof(SlackJsonContext)}.");
        try
        {
            return payload.Deserialize(type)
                ?? throw new SlackPayloadException($"Interaction payload is not a {typeof(T).Name}.");
        }
        catch (JsonException ex)
        {
            throw new SlackPayloadException($"Interaction payload is not a {typeof(T).Name}.", ex);
        }
    }
}
