using ChatOps.Core.Commands;
using ChatOps.Slack.Inbound;

namespace ChatOps.Slack.Tests.Inbound;

public sealed class SlackMessageTextTests
{
    [Fact]
    public void Normalise_LabelledAndBareUserMentions_BecomeAtIdTokensAndAreListed()
    {
        var result = SlackMessageText.Normalise("assign <@U123|bob> and <@W456> to contain", []);

        Assert.Equal("assign @U123 and @W456 to contain", result.Text);
        Assert.Equal([new MentionedUser("U123", "bob"), new MentionedUser("W456", "W456")], result.Mentions);
    }

    [Fact]
    public void Normalise_SameUserTwice_ListedOnce()
    {
        var result = SlackMessageText.Normalise("<@U1|a> <@U1>", []);

        Assert.Equal("@U1 @U1", result.Text);
        Assert.Single(result.Mentions);
    }

    [Fact]
    public void Normalise_BotMention_IsRemoved()
    {
        var result = SlackMessageText.Normalise("<@UBOT> status  <@U1|al>", ["UBOT"]);

        Assert.Equal("status @U1", result.Text);
        Assert.Equal([new MentionedUser("U1", "al")], result.Mentions);
    }

    [Fact]
    public void Normalise_LeadingMentionWhenBotUnknown_IsRemovedOnlyOnce()
    {
        var result = SlackMessageText.Normalise("<@UBOT> assign <@U1>", [], dropLeadingMention: true);

        Assert.Equal("assign @U1", result.Text);
        Assert.Equal("U1", Assert.Single(result.Mentions).UserId);
    }

    [Fact]
    public void Normalise_ChannelsLinksAndSpecialMentions_BecomePlainText()
    {
        var result = SlackMessageText.Normalise("see <#C024BE7LR|general>, <https://example.com/kb|the KB> and <!here>", []);

        Assert.Equal("see #general, https://example.com/kb and @here", result.Text);
        Assert.Empty(result.Mentions);
    }

    [Fact]
    public void Normalise_EscapedEntities_AreUnescapedOnce()
    {
        var result = SlackMessageText.Normalise("declare \"Hello &amp; &lt;world&gt;\" &amp;lt;", []);

        Assert.Equal("declare \"Hello & <world>\" &lt;", result.Text);
    }

    [Fact]
    public void Normalise_NewlinesInComment_ArePreserved()
    {
        var result = SlackMessageText.Normalise("note line one\nline two", []);

        Assert.Equal("note line one\nline two", result.Text);
    }
}
