using System.Text.Json.Nodes;
using ChatOps.Core.Views;

namespace ChatOps.Cards.Teams;

/// <summary>Turns a view into an Adaptive Card 1.5 (the <c>content</c> of a Teams card attachment).</summary>
public static class AdaptiveCardRenderer
{
    public const string ContentType = "application/vnd.microsoft.card.adaptive";

    public static JsonObject Render(View view)
    {
        ArgumentNullException.ThrowIfNull(view);
        return new JsonObject
        {
            ["type"] = "AdaptiveCard",
            ["$schema"] = "http://adaptivecards.io/schemas/adaptive-card.json",
            ["version"] = "1.5",
            ["body"] = new JsonArray(new JsonObject
            {
                ["type"] = "TextBlock",
                ["text"] = view.FallbackText,
                ["wrap"] = true,
            }),
        };
    }
}
