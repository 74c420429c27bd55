using System.Text.Json;
using ChatOps.Teams.Activities;
using ChatOps.Teams.Schema;
using ChatOps.Teams.Tests.Support;

namespace ChatOps.Teams.Tests.Activities;

public sealed class MentionTextTests
{
    [Fact]
    public void Normalize_ChannelMessageMentioningBot_StripsBotMention()
    {
        var activity = Load("teams-message-channel-mention.json");

        var (text, mentions) = MentionText.Normalize(activity);

        Assert.Equal("reply to thread", text);
        Assert.Empty(mentions);
    }

    [Fact]
    public void Normalize_BotMentionInOtherCase_StripsCaseInsensitively()
    {
        var activity = Load("teams-message-channel-mention.json");
        activity.Text = "<AT>RidoTest</AT> status";

        var (text, _) = MentionText.Normalize(activity);

        Assert.Equal("status", text);
    }

    [Fact]
    public void Normalize_OtherUsersMentioned_BecomeIdTokensInOrder()
    {
        var activity = Load("teams-message-channel-mention.json");
        activity.Text = "<at>ridotest</at> assign <at>Bob Jones</at> and <at>Ana</at> to contain";
        activity.Entities!.Add(Mention("29:ana", "Ana"));
        activity.Entities!.Add(Mention("29:bob", "Bob Jones"));

        var (text, mentions) = MentionText.Normalize(activity);

        Assert.Equal("assign @29:bob and @29:ana to contain", text);
        Assert.Equal(["29:bob", "29:ana"], mentions.Select(m => m.UserId));
        Assert.Equal("Bob Jones", mentions[0].DisplayName);
    }

    [Fact]
    public void Normalize_MentionWithoutText_UsesAtName()
    {
        var activity = Load("teams-message-channel-mention.json");
        activity.Text = "<at>ridotest</at> help";
        activity.Entities![0].Text = null;

        var (text, _) = MentionText.Normalize(activity);

        Assert.Equal("help", text);
    }

    private static Entity Mention(string id, string name) =>
        new() { Type = "mention", Text = $"<at>{name}</at>", Mentioned = new ChannelAccount { Id = id, Name = name } };

    private static Activity Load(string name) => JsonSerializer.Deserialize(TestData.Text(name), TeamsJsonContext.Default.Activity)!;
}
