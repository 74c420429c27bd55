using ChatOps.Core.Conversations;
using ChatOps.Core.Identity;
using ChatOps.Core.Notifications;
using ChatOps.Core.Views;
using ChatOps.Slack.Tests.Fakes;

namespace ChatOps.Slack.Tests.Api;

public sealed class SlackNotificationSenderTests
{
    private static readonly ConversationKey Origin = new(ChannelKind.Slack, "T1", "C1");

    [Fact]
    public async Task SendAsync_User_OpensDmAndPostsEscapedText()
    {
        await using var harness = await WebApiHarness.StartAsync();
        var sender = harness.Get<INotificationSender>();

        await sender.SendAsync(new Recipient(ChannelKind.Slack, "T1", RecipientKind.User, "U7"), new TextView("Patch <!here> & reboot"), Origin);

        Assert.Equal(ChannelKind.Slack, sender.Channel);
        var calls = harness.Api.Calls;
        Assert.Equal(["conversations.open", "chat.postMessage"], calls.Select(c => c.Method));
        Assert.Equal("U7", calls[0].Field("users"));
        Assert.Equal("D0FAKE", calls[1].Field("channel"));
        Assert.Equal("Patch &lt;!here&gt; &amp; reboot", calls[1].Field("text"));
    }

    [Fact]
    public async Task SendAsync_Conversation_PostsIntoIt()
    {
        await using var harness = await WebApiHarness.StartAsync();

        await harness.Get<INotificationSender>().SendAsync(new Recipient(ChannelKind.Slack, "T1", RecipientKind.Conversation, "C9"), new TextView("status"), Origin);

        Assert.Equal("C9", Assert.Single(harness.Api.Calls).Field("channel"));
    }

    [Theory]
    [InlineData("channel_not_found", true)]
    [InlineData("internal_error", false)]
    public async Task SendAsync_SlackRefuses_DeliveryExceptionSaysWhetherRetryCanHelp(string error, bool permanent)
    {
        await using var harness = await WebApiHarness.StartAsync();
        harness.Api.Script("chat.postMessage", new ScriptedResponse(200, $$"""{"ok":false,"error":"{{error}}"}"""));

        var failure = await Assert.ThrowsAsync<DeliveryException>(() =>
            harness.Get<INotificationSender>().SendAsync(new Recipient(ChannelKind.Slack, "T1", RecipientKind.Conversation, "C9"), new TextView("x"), Origin));

        Assert.Equal(permanent, failure.Permanent);
        Assert.Contains(error, failure.Message, StringComparison.Ordinal);
    }
}
