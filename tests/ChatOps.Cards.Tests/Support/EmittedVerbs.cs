using System.Text.Json.Nodes;

namespace ChatOps.Cards.Tests.Support;

/// <summary>Collects every action verb a rendered card can send back: Action.Execute verbs, button action_ids, modal callback_ids.</summary>
internal static class EmittedVerbs
{
    public static IEnumerable<string> InAdaptiveCard(JsonNode? node) => Walk(node)
        .Where(o => o["type"]?.GetValue<string>() is "Action.Execute" or "Action.Submit")
        .Select(o => o["verb"]?.GetValue<string>() ?? "(Action without verb)");

    public static IEnumerable<string> InBlockKit(JsonNode? node) => Walk(node)
        .Where(o => o["type"]?.GetValue<string>() is "button" || o["type"]?.GetValue<string>() == "modal")
        .Select(o => (o["action_id"] ?? o["callback_id"])!.GetValue<string>());

    private static IEnumerable<JsonObject> Walk(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                yield return obj;
                foreach (var child in obj.SelectMany(p => Walk(p.Value)))
                {
                    yield return child;
                }

                break;
            case JsonArray array:
                foreach (var child in array.SelectMany(Walk))
                {
                    yield return child;
                }

                break;
        }
    }
}
