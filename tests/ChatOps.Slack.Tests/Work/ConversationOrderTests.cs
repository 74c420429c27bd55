namespace ChatOps.Slack.Tests.Work;

/// <summary>
/// Several worker loops, one conversation at a time each: requests of one conversation run in the order they were
/// accepted, one after the other, while another conversation's requests go on beside them.
/// </summary>
public sealed class ConversationOrderTests
{
    [Fact]
    public async Task SecondRequestOfABusyConversation_WaitsForTheFirst_WhileAnotherConversationGoesOn()
    {
        await using var host = await SlackTestHost.StartAsync(s => s["Slack:WorkerConcurrency"] = "4");
        var first = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        host.Dispatcher.Before = (command, ct) => command.Text == "decision first" ? first.Task.WaitAsync(ct) : Task.CompletedTask;

        using var a = await host.PostFormAsync("/api/slack/commands", SlackPayloads.SlashCommand("decision first", triggerId: "t1"));
        Assert.Equal("decision first", (await host.Dispatcher.NextAsync()).Text);
        using var b = await host.PostFormAsync("/api/slack/commands", SlackPayloads.SlashCommand("decision second", triggerId: "t2"));
        using var c = await host.PostFormAsync("/api/slack/commands", SlackPayloads.SlashCommand("decision elsewhere", triggerId: "t3").Replace("channel_id=C1", "channel_id=C2", StringComparison.Ordinal));

        Assert.Equal("decision elsewhere", (await host.Dispatcher.NextAsync()).Text);
        Assert.DoesNotContain(host.Dispatcher.Received, r => r.Text == "decision second");

        first.SetResult();
        Assert.Equal("decision second", (await host.Dispatcher.NextAsync()).Text);
    }
}

/// <summary>
/// Applying does not wait for a reply's turn in its channel: while one reply waits (posts into a channel are spaced),
/// the conversation's next requests are applied, and the replies still go out in order.
/// </summary>
public sealed class ReplyLaneTests
{
    [Fact]
    public async Task NextRequestOfAConversation_IsAppliedWhileThePreviousReplyWaitsForItsTurn()
    {
        await using var host = await SlackTestHost.StartAsync(s => s["Slack:ChannelPostInterval"] = "00:00:03");
        using var a = await host.PostFormAsync("/api/slack/commands", SlackPayloads.SlashCommand("decision first", triggerId: "t1"));
        await host.Api.NextCallAsync("chat.postMessage");
        using var b = await host.PostFormAsync("/api/slack/commands", SlackPayloads.SlashCommand("decision second", triggerId: "t2"));
        using var c = await host.PostFormAsync("/api/slack/commands", SlackPayloads.SlashCommand("decision third", triggerId: "t3"));

        // The second reply waits 3 s for the channel; the third request is applied meanwhile.
        var applied = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            applied.Add((await host.Dispatcher.NextAsync(TimeSpan.FromSeconds(20))).Text);
        }

        Assert.Equal(["decision first", "decision second", "decision third"], applied);
        Assert.Single(host.Api.Calls, call => call.Method == "chat.postMessage");
        var second = await host.Api.NextCallAsync("chat.postMessage", TimeSpan.FromSeconds(20));
        var third = await host.Api.NextCallAsync("chat.postMessage", TimeSpan.FromSeconds(20));
        Assert.Contains("decision second", second.Body, StringComparison.Ordinal);
        Assert.Contains("decision third", third.Body, StringComparison.Ordinal);
    }
}
