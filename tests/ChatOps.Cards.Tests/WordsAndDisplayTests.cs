using ChatOps.Cards.Slack;
using ChatOps.Cards.Teams;
using ChatOps.Cards.Tests.Support;
using ChatOps.Cards.Text;
using ChatOps.Core.Views;

namespace ChatOps.Cards.Tests;

/// <summary>Issue 16, "Words and display": what people read on cards is whole, named and honest.</summary>
public class WordsAndDisplayTests
{
    private const string Technologist = "👩‍💻";

    [Fact]
    public void Markdown_ZwjEmojiSequenceInATitle_StaysOnePicture()
    {
        var shown = TeamsText.Markdown($"Laptops {Technologist} compromised", 200);

        Assert.Equal($"Laptops {Technologist} compromised", shown);
    }

    [Fact]
    public void Truncate_CutInsideAZwjSequence_CutsBeforeTheWholeSequence()
    {
        var title = "abc" + Technologist + "def";

        var cut = CardText.Truncate(title, 6);

        Assert.Equal("abc…", cut);
    }

    [Fact]
    public void EscapeFit_CutInsideAZwjSequence_KeepsNoHalfOfIt()
    {
        var cut = SlackText.EscapeFit("a&b" + Technologist + "def", 12);

        Assert.Equal("a&amp;b…", cut);
    }

    [Fact]
    public void Clean_ZeroWidthJoinerOutsideAnEmoji_IsStillRemoved()
    {
        Assert.Equal("a b", CardText.Clean("a\u200Db"));
    }

    [Fact]
    public void Render_HelpOnTeams_EverySignatureHasTheFullWidthOfTheCard()
    {
        var card = AdaptiveCardRenderer.Render(ViewSamples.Help());
        var json = JsonText.Readable(card);

        // A FactSet's title column is sized by the host; Teams made it so narrow that "approver" broke mid-word.
        Assert.DoesNotContain("FactSet", json, StringComparison.Ordinal);
        var blocks = card["body"]!.AsArray().Select(b => b!["text"]?.GetValue<string>()).ToList();
        Assert.Contains("approve APPROVAL-ID", blocks);
    }

    [Fact]
    public void Render_StatusUpdateOfAClosedIncident_OffersNoAcknowledgeOnTeams()
    {
        var card = AdaptiveCardRenderer.Render(ViewSamples.Get("update-closed"));

        Assert.Empty(EmittedVerbs.InAdaptiveCard(card));
    }

    [Fact]
    public void Render_StatusUpdateOfAClosedIncident_OffersNoAcknowledgeOnSlack()
    {
        var message = BlockKitRenderer.Render(ViewSamples.Get("update-closed"));

        Assert.Empty(EmittedVerbs.InBlockKit(message.Blocks));
    }

    [Fact]
    public void Render_RequestedWindow_IsNotCalledAMaintenanceWindow()
    {
        var teams = JsonText.Readable(AdaptiveCardRenderer.Render(ViewSamples.Get("approval-requested-window")));
        var slack = JsonText.Readable(BlockKitRenderer.Render(ViewSamples.Get("approval-requested-window")).Blocks);

        Assert.Contains("Requested window", teams, StringComparison.Ordinal);
        Assert.Contains("Requested window", slack, StringComparison.Ordinal);
        Assert.DoesNotContain("Maintenance window", teams + slack, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_TextWithAMentionForSlack_MentionsTheUserById()
    {
        var message = BlockKitRenderer.Render(ViewSamples.Get("text-mention"));

        var text = message.Blocks[0]!["text"]!["text"]!.GetValue<string>();
        Assert.StartsWith("⏰ <@U02CAROL>: stakeholders have had no update", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_TextWithAMentionWhoseNameLooksLikeMarkup_EscapesTheRestAndKeepsTheMention()
    {
        var message = BlockKitRenderer.Render(new TextView("<!here> @Eve & co", new TextMention("U9", "Eve & co")));

        Assert.Equal("&lt;!here&gt; <@U9>", message.Blocks[0]!["text"]!["text"]!.GetValue<string>());
    }
}
