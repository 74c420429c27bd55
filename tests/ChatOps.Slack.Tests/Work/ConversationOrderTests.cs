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
