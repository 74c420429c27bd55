using System.Buffers;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ChatOps.Cards.Teams.Model;

/// <summary>Turns the typed card into JSON and measures it.</summary>
public static class AdaptiveCardSerializer
{
    public static JsonObject ToJsonObject(AdaptiveCard card) => ToMeasuredJson(card).Json;

    /// <summary>
    /// The card as JSON and its size (<see cref="ByteSize"/>'s measure), from one serialisation: the bytes are
    /// parsed into a node backed by them, which a reply writes out again as they are, without building a node tree.
    /// </summary>
    public static (JsonObject Json, int Bytes) ToMeasuredJson(AdaptiveCard card)
    {
        ArgumentNullException.ThrowIfNull(card);
        var bytes = JsonSerializer.SerializeToUtf8Bytes(card, AdaptiveCardJsonContext.Default.AdaptiveCard);
        return (JsonNode.Parse(bytes)!.AsObject(), bytes.Length);
    }

    /// <summary>
    /// UTF-8 size of the compact JSON with the default (strict) encoder, which writes non-ASCII as <c>\uXXXX</c>:
    /// the largest form a channel is likely to send, so a card that fits here fits on the wire.
    /// </summary>
    public static int ByteSize(JsonNode card)
    {
        ArgumentNullException.ThrowIfNull(card);
        // The bytes ToJsonString() would produce (same default writer options), counted without building the string.
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            card.WriteTo(writer);
        }

        return buffer.WrittenCount;
    }
}
