using ChatOps.Core.Identity;
using ChatOps.Core.Workflow;
using ChatOps.Slack.Api;
using ChatOps.Slack.Tests.Fakes;

namespace ChatOps.Slack.Tests.Api;

public sealed class SlackConversationProvisionerTests
{
    private static readonly Actor Declarer = new(ChannelKind.Slack, "T1", "U1", "alice");

    [Fact]
    public async Task CreateIncidentChannelAsync_Name_CreatesPrivateChannelAndInvitesDeclarer()
    {
        await using var harness = await WebApiHarness.StartAsync();
        var provisioner = harness.Get<IConversationProvisioner>();

        var key = await provisioner.CreateIncidentChannelAsync(Declarer, "inc-2026-7-openssl");

        Assert.True(provisioner.Supports(ChannelKind.Slack));
        Assert.False(provisioner.Supports(ChannelKind.Teams));
        Assert.Equal(new Core.Conversations.ConversationKey(ChannelKind.Slack, "T1", "C0FAKE"), key);
        var calls = harness.Api.Calls;
        Assert.Equal(["conversations.create", "conversations.invite"], calls.Select(c => c.Method));
        Assert.Equal("inc-2026-7-openssl", calls[0].Field("name"));
        Assert.Equal("true", calls[0].Field("is_private"));
        Assert.Equal("U1", calls[1].Field("users"));
    }

    [Fact]
    public async Task CreateIncidentChannelAsync_NameTaken_TriesNextSuffix()
    {
        await using var harness = await WebApiHarness.StartAsync();
        harness.Api.Script("conversations.create", new ScriptedResponse(200, WebApiExamples.Error("conversations.create")));

        await harness.Get<IConversationProvisioner>().CreateIncidentChannelAsync(Declarer, "inc-7");

        var creates = harness.Api.Calls.Where(c => c.Method == "conversations.create").Select(c => c.Field("name"));
        Assert.Equal(["inc-7", "inc-7-2"], creates);
    }

    [Fact]
    public async Task CreateIncidentChannelAsync_OtherError_Surfaces()
    {
        await using var harness = await WebApiHarness.StartAsync();
        harness.Api.Script("conversations.create", new ScriptedResponse(200, """{"ok":false,"error":"restricted_action"}"""));

        var error = await Assert.ThrowsAsync<SlackApiException>(() =>
            harness.Get<IConversationProvisioner>().CreateIncidentChannelAsync(Declarer, "inc-7"));

        Assert.Equal("restricted_action", error.ErrorCode);
    }
}
