using System.Net;
using System.Text.Json.Nodes;
using ChatOps.Core.Commands;
using ChatOps.Core.Views;

namespace ChatOps.Slack.Tests.Endpoints;

public sealed class CommandsAndInteractionsTests
{
    [Fact]
    public async Task PostCommand_Help_AcksEphemeralThenPostsTheAnswer()
    {
        await using var host = await SlackTestHost.StartAsync();

        using var response = await host.PostFormAsync("/api/slack/commands", SlackPayloads.SlashCommand("help"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var ack = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("ephemeral", ack["response_type"]!.ToString());
        Assert.Equal("Working on it…", ack["text"]!.ToString());
        var post = await host.Api.NextCallAsync("chat.postMessage");
        Assert.Equal("C1", post.Field("channel"));
        Assert.Equal("echo: help", post.Field("text"));
    }

    [Fact]
    public async Task PostCommand_BotbuilderFixture_Handled()
    {
        await using var host = await SlackTestHost.StartAsync();

        using var response = await host.PostFormAsync("/api/slack/commands", TestFiles.ReadBody("slack-slash-command-botbuilder.txt"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("testUserId", (await host.Dispatcher.NextAsync()).Actor.UserId);
        Assert.Equal("testChannelId", (await host.Api.NextCallAsync("chat.postMessage")).Field("channel"));
    }

    [Fact]
    public async Task PostCommand_SslCheck_Acknowledged()
    {
        await using var host = await SlackTestHost.StartAsync();

        using var response = await host.PostFormAsync("/api/slack/commands", "ssl_check=1&token=x");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task PostCommand_PrivateReply_GoesToResponseUrlWithoutToken()
    {
        await using var host = await SlackTestHost.StartAsync();
        host.Dispatcher.Answer = _ => CommandResult.Of(new Reply(new TextView("only you"), ReplyMode.Private));

        using var response = await host.PostFormAsync("/api/slack/commands", SlackPayloads.SlashCommand("status", host.Api.ResponseUrl("cmd1")));

        var call = await host.Api.NextCallAsync("response_url:cmd1");
        Assert.Equal("ephemeral", call.Field("response_type"));
        Assert.Equal("only you", call.Field("text"));
        Assert.Null(call.Authorization);
    }

    [Fact]
    public async Task PostCommand_ResponseUrlExpired_FallsBackToPostEphemeral()
    {
        await using var host = await SlackTestHost.StartAsync();
        host.Api.Script("response_url:old", new ScriptedResponse(404, "expired_url"));
        host.Dispatcher.Answer = _ => CommandResult.Of(new Reply(new TextView("only you"), ReplyMode.Private));

        using var response = await host.PostFormAsync("/api/slack/commands", SlackPayloads.SlashCommand("status", host.Api.ResponseUrl("old")));

        var call = await host.Api.NextCallAsync("chat.postEphemeral");
        Assert.Equal("only you", call.Field("text"));
        Assert.Equal("U1", call.Field("user"));
    }

    [Fact]
    public async Task PostCommand_PrivateReplyWithForeignResponseUrl_UsesPostEphemeral()
    {
        await using var host = await SlackTestHost.StartAsync();
        host.Dispatcher.Answer = _ => CommandResult.Of(new Reply(new TextView("only you"), ReplyMode.Private));

        using var response = await host.PostFormAsync("/api/slack/commands", SlackPayloads.SlashCommand("status", "https://evil.example/hook"));

        var call = await host.Api.NextCallAsync("chat.postEphemeral");
        Assert.Equal("U1", call.Field("user"));
        Assert.DoesNotContain(host.Api.Calls, c => c.Method.StartsWith("response_url", StringComparison.Ordinal));
    }

    [Fact]
    public async Task PostInteraction_BlockActionsFixture_UpdatesTheClickedMessage()
    {
        await using var host = await SlackTestHost.StartAsync();
        host.Dispatcher.Answer = _ => CommandResult.Of(new Reply(new TextView("Approved by brautigan"), ReplyMode.UpdateCard));

        using var response = await host.PostFormAsync("/api/slack/interactions", TestFiles.ReadBody("slack-block-actions-button-botbuilder.txt"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var command = await host.Dispatcher.NextAsync();
        Assert.Equal("f8s", command.Action!.Verb);
        var update = await host.Api.NextCallAsync("chat.update");
        Assert.Equal("GV85DURL5", update.Field("channel"));
        Assert.Equal("1584059954.001000", update.Field("ts"));
    }

    [Fact]
    public async Task PostInteraction_ViewSubmission_EmptyAckAndCommandWithInputs()
    {
        await using var host = await SlackTestHost.StartAsync();
        var state = JsonNode.Parse("""{"b1":{"reason":{"type":"plain_text_input","value":"patched"}}}""")!.AsObject();

        using var response = await host.PostFormAsync("/api/slack/interactions", SlackPayloads.ViewSubmission("V1", """{"verb":"test.done","channel_id":"C9"}""", state));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(string.Empty, await response.Content.ReadAsStringAsync());
        var command = await host.Dispatcher.NextAsync();
        Assert.Equal("test.done", command.Action!.Verb);
        Assert.Equal("patched", command.Action.Get("reason"));
        Assert.Equal("C9", (await host.Api.NextCallAsync("chat.postMessage")).Field("channel"));
    }

    [Fact]
    public async Task PostInteraction_UnhandledType_AcknowledgedAndIgnored()
    {
        await using var host = await SlackTestHost.StartAsync();

        using var response = await host.PostFormAsync("/api/slack/interactions", SlackPayloads.Form(new JsonObject { ["type"] = "shortcut", ["callback_id"] = "x" }));
        using var sentinel = await host.PostFormAsync("/api/slack/commands", SlackPayloads.SlashCommand("sentinel"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("sentinel", (await host.Dispatcher.NextAsync()).Text);
        Assert.Single(host.Dispatcher.Received);
    }
}
