using System.Net;
using ChatOps.Core.Commands;
using ChatOps.Core.Views;

namespace ChatOps.Slack.Tests.Work;

/// <summary>The 200 never waits for Core or storage; the worker survives failures and timeouts.</summary>
public sealed class AckAndWorkerTests
{
    [Fact]
    public async Task PostCommand_DispatcherBlocked_200ReturnsFirstAndAnswerFollowsRelease()
    {
        await using var host = await SlackTestHost.StartAsync();
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        host.Dispatcher.Before = (_, ct) => gate.Task.WaitAsync(ct);

        using var response = await host.PostFormAsync("/api/slack/commands", SlackPayloads.SlashCommand("help"));
        await host.Dispatcher.NextAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(gate.Task.IsCompleted);
        Assert.Empty(host.Api.Calls);

        gate.SetResult();
        Assert.Equal("echo: help", (await host.Api.NextCallAsync("chat.postMessage")).Field("text"));
    }

    [Fact]
    public async Task PostEvent_IdempotencyStoreBlocked_200StillReturns()
    {
        await using var host = await SlackTestHost.StartAsync();
        host.Idempotency.Gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        // A command that may change state claims its delivery key first (a read such as help needs no claim).
        using var response = await host.PostJsonAsync("/api/slack/events", SlackPayloads.Event("Ev1", "<@UBOT> declare \"Breach\""));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(host.Dispatcher.Received);
        host.Idempotency.Gate.SetResult();
        Assert.Equal("declare \"Breach\"", (await host.Dispatcher.NextAsync()).Text);
    }

    [Fact]
    public async Task PostEvent_IdempotencyStoreDown_200AndWorkerCarriesOn()
    {
        await using var host = await SlackTestHost.StartAsync();
        host.Idempotency.FailWith = new InvalidOperationException("storage down");

        using var response = await host.PostJsonAsync("/api/slack/events", SlackPayloads.Event("Ev1", "<@UBOT> declare \"Breach\""));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await host.Idempotency.WaitForAttemptsAsync(1).WaitAsync(TimeSpan.FromSeconds(30)); // the guard only stops a hang

        host.Idempotency.FailWith = null;
        using var next = await host.PostJsonAsync("/api/slack/events", SlackPayloads.Event("Ev2", "<@UBOT> after"));
        Assert.Equal("after", (await host.Dispatcher.NextAsync()).Text);
    }

    [Fact]
    public async Task Worker_DispatcherThrows_LogsAndHandlesTheNextItem()
    {
        await using var host = await SlackTestHost.StartAsync();
        host.Dispatcher.Answer = command => command.Text == "boom"
            ? throw new InvalidOperationException("boom")
            : CommandResult.Of(new Reply(new TextView("fine")));

        using var failing = await host.PostFormAsync("/api/slack/commands", SlackPayloads.SlashCommand("boom", triggerId: "t1"));
        using var next = await host.PostFormAsync("/api/slack/commands", SlackPayloads.SlashCommand("help", triggerId: "t2"));

        Assert.Equal(HttpStatusCode.OK, failing.StatusCode);
        Assert.Equal("fine", (await host.Api.NextCallAsync("chat.postMessage")).Field("text"));
    }

    [Fact]
    public async Task Worker_ItemExceedsTimeout_CancelledAndNextItemHandled()
    {
        await using var host = await SlackTestHost.StartAsync(s => s["Slack:WorkItemTimeout"] = "00:00:00.300");
        host.Dispatcher.Before = (command, ct) => command.Text == "slow" ? Task.Delay(Timeout.Infinite, ct) : Task.CompletedTask;

        using var slow = await host.PostFormAsync("/api/slack/commands", SlackPayloads.SlashCommand("slow", triggerId: "t1"));
        using var next = await host.PostFormAsync("/api/slack/commands", SlackPayloads.SlashCommand("help", triggerId: "t2"));

        Assert.Equal("echo: help", (await host.Api.NextCallAsync("chat.postMessage")).Field("text"));
        Assert.Single(host.Api.Calls, c => c.Method == "chat.postMessage");
    }

    [Fact]
    public async Task Worker_ItemFails_PersonToldPrivatelyWithoutDetails()
    {
        await using var host = await SlackTestHost.StartAsync();
        host.Dispatcher.Answer = _ => throw new InvalidOperationException("secret internals");

        using var response = await host.PostFormAsync("/api/slack/commands", SlackPayloads.SlashCommand("declare", host.Api.ResponseUrl("r1")));

        var apology = await host.Api.NextCallAsync("response_url:r1");
        Assert.Equal("ephemeral", apology.Field("response_type"));
        Assert.Contains("could not finish", apology.Field("text"), StringComparison.Ordinal);
        Assert.DoesNotContain("secret internals", apology.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Worker_SlackRejectsOneReply_OtherRepliesStillDelivered()
    {
        await using var host = await SlackTestHost.StartAsync();
        host.Api.Script("chat.postEphemeral", new ScriptedResponse(200, """{"ok":false,"error":"user_not_in_channel"}"""));
        host.Dispatcher.Answer = _ => CommandResult.Of(
            new Reply(new TextView("private"), ReplyMode.Private),
            new Reply(new TextView("public")));

        using var response = await host.PostFormAsync("/api/slack/commands", SlackPayloads.SlashCommand("status", "https://evil.example/x"));

        Assert.Equal("public", (await host.Api.NextCallAsync("chat.postMessage")).Field("text"));
    }

    [Fact]
    public async Task PostCommand_QueueFull_ImmediateBusyAnswer()
    {
        await using var host = await SlackTestHost.StartAsync(s => s["Slack:QueueCapacity"] = "1");
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        host.Dispatcher.Before = (_, ct) => gate.Task.WaitAsync(ct);
        using var first = await host.PostFormAsync("/api/slack/commands", SlackPayloads.SlashCommand("one", triggerId: "t1"));
        await host.Dispatcher.NextAsync();
        using var queued = await host.PostFormAsync("/api/slack/commands", SlackPayloads.SlashCommand("two", triggerId: "t2"));

        using var turnedAway = await host.PostFormAsync("/api/slack/commands", SlackPayloads.SlashCommand("three", triggerId: "t3"));
        using var eventTurnedAway = await host.PostJsonAsync("/api/slack/events", SlackPayloads.Event("Ev9", "<@UBOT> four"));

        Assert.Equal(HttpStatusCode.OK, turnedAway.StatusCode);
        Assert.Contains("busy", await turnedAway.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, eventTurnedAway.StatusCode);
        gate.SetResult();
    }

    [Fact]
    public async Task Worker_ReplyWithUserText_PostedEscaped()
    {
        await using var host = await SlackTestHost.StartAsync();
        host.Dispatcher.Answer = _ => CommandResult.Of(new Reply(new TextView("Declared: <!channel> wake up & <https://x.example|go>")));

        using var response = await host.PostFormAsync("/api/slack/commands", SlackPayloads.SlashCommand("declare"));

        var post = await host.Api.NextCallAsync("chat.postMessage");
        Assert.Equal("Declared: &lt;!channel&gt; wake up &amp; &lt;https://x.example|go&gt;", post.Field("text"));
        Assert.DoesNotContain("<!channel>", post.Body, StringComparison.Ordinal);
    }
}
