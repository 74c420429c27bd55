using System.Text.Json;
using System.Text.Json.Nodes;

namespace ChatOps.Teams.Activities;

/// <summary>Flattens a card's <c>data</c> object to the string map of <c>CardAction</c> (non-strings as JSON text).</summary>
internal static class CardActionData
{
    public static IReadOnlyDictionary<string, string> From(JsonObject? data)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        if (data is null)
            return result;
        foreach (var (key, value) in data)
        {
            if (value is null)
                continue;
            result[key] = value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : value.ToJsonString();
        }

        return result;
    }
}
