using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ChatOps.Cards.Teams.Model;

/// <summary>Turns the typed card into JSON and measures it.</summary>
public static class AdaptiveCardSerializer
{
    public static JsonObject ToJsonObject(AdaptiveCard card)
    {
        ArgumentNullException.ThrowIfNull(card);
        return JsonSerializer.SerializeToNode(card, AdaptiveCardJsonContext.Default.AdaptiveCard)!.AsObject();
    }

    /// <summary>
    /// UTF-8 size of the compact JSON with the default (strict) encoder, which writes non-ASCII as <c>\uXXXX</c>:
    /// the largest form a channel is likely to send, so a card that fits here fits on the wire.
    /// </summary>
    public static int ByteSize(JsonNode card)
    {
        ArgumentNullException.ThrowIfNull(card);
        return Encoding.UTF8.GetByteCount(card.ToJsonString());
    }
}
