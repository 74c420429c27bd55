using System.Text.Json.Nodes;
using ChatOps.Cards.Teams.Model;
using ChatOps.Cards.Text;

namespace ChatOps.Cards.Teams;

/// <summary>Renders a card with as many list items as fit under <see cref="TeamsLimits.MaxCardBytes"/>.</summary>
internal static class TeamsFit
{
    public static JsonObject Render(int count, Func<int, AdaptiveCard> build)
    {
        var rendered = new Dictionary<int, JsonObject>();
        bool Fits(int n)
        {
            if (!rendered.TryGetValue(n, out var json))
            {
                json = AdaptiveCardSerializer.ToJsonObject(build(n));
                rendered[n] = json;
            }

            return AdaptiveCardSerializer.ByteSize(json) <= TeamsLimits.MaxCardBytes;
        }

        if (!Fits(0))
        {
            return Compact(build(0));
        }

        return rendered[ListFitter.LargestFitting(count, Fits)];
    }

    // Pathological text (thousands of characters that each need escaping) can outgrow the limit even without
    // lists: keep the buttons and refresh, show the plain summary instead of the details.
    private static JsonObject Compact(AdaptiveCard card) => AdaptiveCardSerializer.ToJsonObject(card with
    {
        Body =
        [
            new TextBlock { Text = TeamsText.Markdown(card.FallbackText, TeamsLimits.Paragraph / 2) },
            TeamsParts.Subtle($"{CardText.Ellipsis} details are too long to show in Teams."),
        ],
    });
}
