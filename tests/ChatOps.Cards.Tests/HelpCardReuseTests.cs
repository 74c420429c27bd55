using System.Text.Json.Nodes;
using ChatOps.Cards.Teams;
using ChatOps.Core.Views;

namespace ChatOps.Cards.Tests;

/// <summary>The Help card of one view is rendered once and shared between replies; a reply's copy is its own.</summary>
public class HelpCardReuseTests
{
    private static readonly HelpView Help = new([new CommandHelpLine("status", "Show the incident's status", null), new CommandHelpLine("help [command]", "List commands", null)]);

    [Fact]
    public void Render_SameViewTwice_SameJson()
    {
        var first = AdaptiveCardRenderer.Render(Help).ToJsonString();

        var second = AdaptiveCardRenderer.Render(Help).ToJsonString();

        Assert.Equal(first, second);
        Assert.Contains("Show the incident", second, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_OneReplyChangesItsCard_NextReplyUnchanged()
    {
        var first = AdaptiveCardRenderer.Render(Help);
        var original = first.ToJsonString();
        first["version"] = "changed";
        first["body"]!.AsArray().Clear();

        var second = AdaptiveCardRenderer.Render(Help);

        Assert.Equal(original, second.ToJsonString());
    }

    [Fact]
    public void Render_EqualButDistinctView_RenderedTheSame()
    {
        var copy = Help with { };

        Assert.Equal(AdaptiveCardRenderer.Render(Help).ToJsonString(), AdaptiveCardRenderer.Render(copy).ToJsonString());
    }

    [Fact]
    public void SharedUtf8_Help_TheRenderedCard_OtherViewsNone()
    {
        var utf8 = AdaptiveCardRenderer.SharedUtf8(Help);

        Assert.NotNull(utf8);
        Assert.True(JsonNode.DeepEquals(AdaptiveCardRenderer.Render(Help), JsonNode.Parse(utf8.Value.Span)));
        Assert.Null(AdaptiveCardRenderer.SharedUtf8(new TextView("x")));
        Assert.Null(AdaptiveCardRenderer.SharedUtf8(new ErrorView("Unknown command 'x'.", "help")));
    }
}
