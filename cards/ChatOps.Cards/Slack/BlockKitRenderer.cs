using System.Text.Json.Nodes;
using ChatOps.Core.Views;

namespace ChatOps.Cards.Slack;

/// <summary>Turns a view into a Block Kit message.</summary>
public static class BlockKitRenderer
{
    public static BlockKitMessage Render(View view)
    {
        ArgumentNullException.ThrowIfNull(view);
        var text = SlackText.Escape(view.FallbackText);
        return new BlockKitMessage(text, new JsonArray(new JsonObject
        {
            ["type"] = "section",
            ["text"] = new JsonObject { ["type"] = "mrkdwn", ["text"] = text, ["verbatim"] = true },
        }));
    }
}
