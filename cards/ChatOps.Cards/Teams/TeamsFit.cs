using System.Text.Json.Nodes;
using ChatOps.Cards.Teams.Model;
using ChatOps.Cards.Text;

namespace ChatOps.Cards.Teams;

/// <summary>Renders a card with as many list items as fit under <see cref="TeamsLimits.MaxCardBytes"/>.</summary>
internal static class TeamsFit
{
    public static JsonObject Render(int count, Func<int, AdaptiveCard> build)
    {
        JsonObject? last = null;
        var lastShown = -1;
        var shown = ListFitter.LargestFitting(count, n =>
        {
            last = AdaptiveCardSerializer.ToJsonObject(build(n));
            lastShown = n;
            return AdaptiveCardSerializer.ByteSize(last) <= TeamsLimits.MaxCardBytes;
        });
        return shown == lastShown && last is not null ? last : AdaptiveCardSerializer.ToJsonObject(build(shown));
    }
}
