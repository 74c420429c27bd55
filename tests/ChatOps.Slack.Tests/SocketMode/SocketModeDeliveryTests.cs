using System.Text.Json.Nodes;
using ChatOps.Slack.Inbound;

namespace ChatOps.Slack.Tests.SocketMode;

/// <summary>Envelopes go through the same inbound pipeline as the HTTP endpoints and are acknowledged by envelope_id.</summary>
public sealed class SocketModeDeliveryTests
{
    [Fact]
    public async Task SlashCommandEnvelope_Delivered_AckCarriesWorkingTextAndCommandRuns()
    {
        await using var bot = await SocketModeTestHost.StartAsync();
        var (first, _) = await bot.ConnectedAsync();

        await bot.Socket.DeliverAsync(SocketModeEnvelopes.SlashCommand("env-1", "status", "trigger-1"), first);

        var ack = await bot.Socket.NextAckAsync();
        Assert.Equal("env-1", ack.EnvelopeId);
        Assert.Equal(SlackInboundPipeline.WorkingText, ack.Payload?["text"]?.GetValue<string>());
        Assert.Equal("ephemeral", ack.Payload?["response_type"]?.GetValue<string>());
        var command = await bot.Host.Dispatcher.NextAsync();
        Assert.Equal(("status", "U1", "C1"), (command.Text, command.Actor.UserId, command.Conversation.ConversationId));
    }

    [Fact]
    public async Task BlockActionsEnvelope_ButtonClicked_AckedWithoutPayloadAndClickDispatched()
    {
        await using var bot = await SocketModeTestHost.StartAsync();
        var (first, _) = await bot.ConnectedAsync();
        var click = JsonNode.Parse(TestFiles.Read("slack-block-actions-button-botbuilder.decoded.json"))!.AsObject();

        await bot.Socket.DeliverAsync(SocketModeEnvelopes.Interactive("env-click", click), first);

        var ack = await bot.Socket.NextAckAsync();
        Assert.Equal("env-click", ack.EnvelopeId);
        Assert.Null(ack.Payload);
        Assert.Equal("f8s", (await bot.Host.Dispatcher.NextAsync()).Action!.Verb);
    }

    [Fact]
    public async Task EventsApiEnvelope_AppMention_Dispatched()
    {
        await using var bot = await SocketModeTestHost.StartAsync();
        var (first, _) = await bot.ConnectedAsync();

        await bot.Socket.DeliverAsync(SocketModeEnvelopes.EventsApi("env-ev", SocketModeEnvelopes.AppMention("Ev1", "contain")), first);

        Assert.Equal("env-ev", (await bot.Socket.NextAckAsync()).EnvelopeId);
        Assert.Equal("contain", (await bot.Host.Dispatcher.NextAsync()).Text);
    }

    [Fact]
    public async Task SlashCommandEnvelope_MissingTeam_LoggedAndAcknowledgedWithoutEffect()
    {
        await using var bot = await SocketModeTestHost.StartAsync();
        var (first, _) = await bot.ConnectedAsync();
        var broken = SocketModeEnvelopes.SlashCommand("env-bad", "declare", "trigger-1");
        broken["payload"]!.AsObject().Remove("team_id");

        await bot.Socket.DeliverAsync(broken, first);
        await bot.Socket.DeliverAsync(SocketModeEnvelopes.SlashCommand("env-next", "sentinel", "trigger-2"), first);

        Assert.Equal("env-bad", (await bot.Socket.NextAckAsync()).EnvelopeId);
        Assert.Equal("sentinel", (await bot.Host.Dispatcher.NextAsync()).Text);
        Assert.Single(bot.Host.Dispatcher.Received);
        Assert.Contains(bot.Host.Logs.GetSnapshot(), r => r.Message.Contains("team_id", StringComparison.Ordinal) && r.Message.Contains("env-bad", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Frame_NotJson_LoggedAndConnectionKeepsServing()
    {
        await using var bot = await SocketModeTestHost.StartAsync();
        var (first, _) = await bot.ConnectedAsync();

        await first.SendTextAsync("{not json");
        await bot.Socket.DeliverAsync(SocketModeEnvelopes.SlashCommand("env-next", "sentinel", "trigger-2"), first);

        Assert.Equal("env-next", (await bot.Socket.NextAckAsync()).EnvelopeId);
        Assert.Equal("sentinel", (await bot.Host.Dispatcher.NextAsync()).Text);
        Assert.Contains(bot.Host.Logs.GetSnapshot(), r => r.Message.StartsWith("Malformed Slack Socket Mode message", StringComparison.Ordinal));
        Assert.True(first.IsOpen);
    }

    [Fact]
    public async Task InteractiveEnvelope_ShortcutTypeNotHandled_AcknowledgedAndIgnored()
    {
        await using var bot = await SocketModeTestHost.StartAsync();
        var (first, _) = await bot.ConnectedAsync();
        var shortcut = new JsonObject { ["type"] = "shortcut", ["callback_id"] = "x", ["trigger_id"] = "t" };

        await bot.Socket.DeliverAsync(SocketModeEnvelopes.Interactive("env-shortcut", shortcut), first);
        await bot.Socket.DeliverAsync(SocketModeEnvelopes.SlashCommand("env-next", "sentinel", "trigger-2"), first);

        Assert.Equal("env-shortcut", (await bot.Socket.NextAckAsync()).EnvelopeId);
        Assert.Equal("sentinel", (await bot.Host.Dispatcher.NextAsync()).Text);
        Assert.Single(bot.Host.Dispatcher.Received);
    }
}
