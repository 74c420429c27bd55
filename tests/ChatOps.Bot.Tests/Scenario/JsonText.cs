using System.Text.Json;
using System.Text.Json.Nodes;

namespace ChatOps.Bot.Tests.Scenario;

/// <summary>Every string in a JSON message (card text, fallback, button titles), one per line: what a person can read.</summary>
internal static class JsonText
{
    public static string Of(JsonNode? node)
    {
        var lines = new List<string>();
        Collect(node, lines);
        return string.Join('\n', lines);
    }

    private static void Collect(JsonNode? node, List<string> lines)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (_, child) in obj)
                    Collect(child, lines);
                break;
            case JsonArray array:
                foreach (var child in array)
                    Collect(child, lines);
                break;
            case JsonValue value when value.GetValueKind() == JsonValueKind.String:
                lines.Add(value.GetValue<string>());
                break;
        }
    }
}
