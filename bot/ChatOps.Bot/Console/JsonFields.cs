using System.Text.Json.Nodes;

namespace ChatOps.Bot.Console;

/// <summary>Reads a string field of a posted activity without trusting its JSON type (a number or object is "absent").</summary>
internal static class JsonFields
{
    public static string? StringOf(JsonNode? node) =>
        node is JsonValue value && value.TryGetValue<string>(out var text) && !string.IsNullOrEmpty(text) ? text : null;
}
