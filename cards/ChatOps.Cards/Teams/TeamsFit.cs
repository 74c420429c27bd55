using System.Text.Json.Nodes;
using ChatOps.Cards.Teams.Model;
using ChatOps.Cards.Text;

namespace ChatOps.Cards.Teams;

/// <summary>Renders a card with as many list items as fit under <see cref="TeamsLimits.MaxCardBytes"/>.</summary>
internal static class TeamsFit
{
    public static JsonObject Render(int count, Func<int, AdaptiveCard> build)
    {
        // Each candidate is rendered and measured at most once. The whole list is tried first: it nearly always fits
        // (help, a status update), so the usual cost is one render and one measurement.
        var rendered = new Dictionary<int, (JsonObject Json, bool Fits)>();
        bool Fits(int n)
        {
            if (!rendered.TryGetValue(n, out var candidate))
            {
                var (json, bytes) = AdaptiveCardSerializer.ToMeasuredJson(build(n));
                candidate = (json, bytes <= TeamsLimits.MaxCardBytes);
                rendered[n] = candidate;
            }

            return candidate.Fits;
        }

        if (Fits(count))
        {
            return rendered[count].Json;
        }

        if (!Fits(0))
        {
            return Compact(build(0));
        }

        return rendered[ListFitter.LargestFitting(count, Fits)].Json;
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
