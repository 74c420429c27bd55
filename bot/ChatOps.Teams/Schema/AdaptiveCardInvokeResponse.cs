using System.Text.Json.Nodes;

namespace ChatOps.Teams.Schema;

/// <summary>
/// Body of the HTTP response to an <c>adaptiveCard/action</c> invoke (Universal Action Model):
/// <c>{statusCode, type, value}</c>.
/// </summary>
public sealed class AdaptiveCardInvokeResponse
{
    public const string CardType = "application/vnd.microsoft.card.adaptive";
    public const string MessageType = "application/vnd.microsoft.activity.message";
    public const string ErrorType = "application/vnd.microsoft.error";

    public int StatusCode { get; set; }

    public string? Type { get; set; }

    public JsonNode? Value { get; set; }

    public static AdaptiveCardInvokeResponse Card(JsonObject card) => new() { StatusCode = 200, Type = CardType, Value = card };

    public static AdaptiveCardInvokeResponse Message(string text) => new() { StatusCode = 200, Type = MessageType, Value = JsonValue.Create(text) };

    public static AdaptiveCardInvokeResponse Error(int statusCode, string code, string message) => new()
    {
        StatusCode = statusCode,
        Type = ErrorType,
        Value = new JsonObject { ["code"] = code, ["message"] = message },
    };
}
