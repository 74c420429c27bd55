using System.Net;
using ChatOps.Core.Storage;
using ChatOps.Slack.Work;
using ChatOps.Testing;

namespace ChatOps.Slack.Tests.Work;

/// <summary>Issue 18: with a durable intake, a Slack request is stored before it is acknowledged and deleted once applied.</summary>
public sealed class DurableIntakeTests
{
    /// <summary>Only a guard against a hang: the waits below end on the awaited event, not on time.</summary>
    private static readonly TimeSpan FailureGuard = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task PostCommand_StoredBeforeTheAck_DeletedOnceApplied()
    {
        var intake = new InMemoryIntakeQueue();
        await using var host = await SlackTestHost.StartAsync(intake: intake);
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        host.Dispatcher.Before = (_, ct) => gate.Task.WaitAsync(ct);

        using var response = await host.PostFormAsync("/api/slack/commands", SlackPayloads.SlashCommand("decision \"x\"", triggerId: "t1"));
        var command = await host.Dispatcher.NextAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, intake.Count);
        Assert.NotNull(command.DeliveryId);
        gate.SetResult();
        await host.Api.NextCallAsync();
        await intake.WaitUntilEmptyAsync().WaitAsync(FailureGuard);
    }

    [Fact]
    public async Task PostCommand_IntakeUnavailable_SaysNothingWasRecordedAndNothingRuns()
    {
        var intake = new InMemoryIntakeQueue { Fault = new StorageUnavailableException("down") };
        await using var host = await SlackTestHost.StartAsync(intake: intake);

        using var command = await host.PostFormAsync("/api/slack/commands", SlackPayloads.SlashCommand("decision \"x\"", triggerId: "t1"));
        using var evt = await host.PostJsonAsync("/api/slack/events", SlackPayloads.Event("Ev1", "<@UBOT> status"));

        Assert.Contains("Storage is unavailable right now, so nothing was recorded", await command.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, evt.StatusCode);
        Assert.Empty(host.Dispatcher.Received);
    }

    [Fact]
    public async Task IntakeFailsAfterTheCommandRan_WorkerLogsItAndGoesOn()
    {
        var intake = new InMemoryIntakeQueue();
        await using var host = await SlackTestHost.StartAsync(s => s["Slack:IntakePollInterval"] = "00:00:00.050", intake: intake);
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        host.Dispatcher.Before = (command, ct) => command.Text == "first" ? gate.Task.WaitAsync(ct) : Task.CompletedTask;
        using var first = await host.PostFormAsync("/api/slack/commands", SlackPayloads.SlashCommand("first", triggerId: "t1"));
        await host.Dispatcher.NextAsync();

        // Not an outage the store translates: the deletion and the recovery's look both fail with something unexpected.
        intake.Fault = new InvalidOperationException("queue deleted");
        gate.SetResult();
        await WaitUntilAsync(() => host.Logs.GetSnapshot().Any(r => r.Message.Contains("could not be deleted", StringComparison.Ordinal)));
        intake.Fault = null;
        using var second = await host.PostFormAsync("/api/slack/commands", SlackPayloads.SlashCommand("second", triggerId: "t2"));

        Assert.Equal("second", (await host.Dispatcher.NextAsync()).Text);
    }

    [Fact]
    public async Task PostCommand_TooLargeToKeep_SaysSoAndNothingRuns()
    {
        var intake = new InMemoryIntakeQueue { Fault = new EntityTooLargeException("too large") };
        await using var host = await SlackTestHost.StartAsync(intake: intake);

        using var command = await host.PostFormAsync("/api/slack/commands", SlackPayloads.SlashCommand("decision \"x\"", triggerId: "t1"));
        using var evt = await host.PostJsonAsync("/api/slack/events", SlackPayloads.Event("Ev1", "<@UBOT> status"));

        Assert.Contains(ChatOps.Slack.Inbound.SlackInboundPipeline.TooLargeText, await command.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        // Acknowledged without effect: Slack's retries of the same event would not fit either.
        Assert.Equal(HttpStatusCode.OK, evt.StatusCode);
        Assert.Empty(host.Dispatcher.Received);
    }

    [Fact]
    public async Task PostCommands_LocalQueueFull_NoneTurnedAwayAndEveryOneApplied()
    {
        var intake = new InMemoryIntakeQueue();
        await using var host = await SlackTestHost.StartAsync(
            s => { s["Slack:QueueCapacity"] = "1"; s["Slack:IntakePollInterval"] = "00:00:00.050"; }, intake: intake);
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        host.Dispatcher.Before = (_, ct) => gate.Task.WaitAsync(ct);

        var answers = new List<string>();
        for (var n = 1; n <= 5; n++)
        {
            using var response = await host.PostFormAsync("/api/slack/commands", SlackPayloads.SlashCommand($"decision \"d{n}\"", triggerId: $"t{n}"));
            answers.Add(await response.Content.ReadAsStringAsync());
        }

        Assert.All(answers, a => Assert.DoesNotContain("busy", a, StringComparison.Ordinal));
        gate.SetResult();
        await WaitUntilAsync(() => host.Dispatcher.Received.Select(c => c.Text).Distinct().Count() == 5 && intake.Count == 0);
    }

    [Fact]
    public async Task PostCommands_LocalQueueFull_DeferredOnesTakenOnceRoomFrees_NotAtTheNextPeriodicLook()
    {
        var intake = new InMemoryIntakeQueue();
        // Only the start-up look comes from the interval within this test: what recovers the deferred requests is the
        // room freeing up.
        await using var host = await SlackTestHost.StartAsync(
            s => { s["Slack:QueueCapacity"] = "1"; s["Slack:IntakePollInterval"] = "00:10:00"; }, intake: intake);
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        host.Dispatcher.Before = (_, ct) => gate.Task.WaitAsync(ct);

        for (var n = 1; n <= 4; n++)
        {
            using var response = await host.PostFormAsync("/api/slack/commands", SlackPayloads.SlashCommand($"decision \"d{n}\"", triggerId: $"t{n}"));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.DoesNotContain("busy", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        await WaitUntilAsync(() => host.Logs.GetSnapshot().Any(r => r.Message.Contains("waits in the durable intake", StringComparison.Ordinal)));
        gate.SetResult();

        await WaitUntilAsync(() => host.Dispatcher.Received.Select(c => c.Text).Distinct().Count() == 4 && intake.Count == 0);
        Assert.Equal(4, host.Dispatcher.Received.Count);
        // The warning counts them as waiting in the intake, not as turned away.
        var full = Assert.Single(host.Logs.GetSnapshot(), r => r.Level == Microsoft.Extensions.Logging.LogLevel.Warning && r.Message.StartsWith("Slack work queue is full", StringComparison.Ordinal));
        Assert.StartsWith("Slack work queue is full; 1 request(s) left waiting in the durable intake", full.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StoredByAnInstanceThatDied_TakenAndAppliedWithItsDeliveryId()
    {
        var intake = new InMemoryIntakeQueue();
        var item = new SlackWorkItem("slash_command",
            new Core.Commands.Command(new Core.Identity.Actor(Core.Identity.ChannelKind.Slack, "T1", "U1", "alice"),
                new Core.Conversations.ConversationKey(Core.Identity.ChannelKind.Slack, "T1", "C1"), "decision \"left behind\""),
            new SlackReplyTarget("T1", "C1", "U1"), new SlackDeliveryKey("slack-command", "T1:left-behind"));
        await intake.AddAsync(SlackWorkItemJson.Serialize(item), TimeSpan.Zero);
        await intake.AddAsync("not a work item", TimeSpan.Zero);

        await using var host = await SlackTestHost.StartAsync(s => s["Slack:IntakePollInterval"] = "00:00:00.050", intake: intake);
        var command = await host.Dispatcher.NextAsync();

        Assert.Equal("decision \"left behind\"", command.Text);
        Assert.Equal("slack-command:T1:left-behind", command.DeliveryId);
        await intake.WaitUntilEmptyAsync().WaitAsync(FailureGuard);
    }

    [Theory]
    [InlineData("Slack:IntakeVisibilityTimeout", "00:00:00", "Slack:IntakeVisibilityTimeout must be a positive time span")]
    [InlineData("Slack:IntakePollInterval", "-00:00:01", "Slack:IntakePollInterval must be a positive time span")]
    [InlineData("Slack:IntakeMaxAttempts", "0", "Slack:IntakeMaxAttempts must be 1 or more")]
    public async Task Start_BadIntakeSetting_StopsNamingTheSetting(string setting, string value, string message)
    {
        var error = await Assert.ThrowsAsync<Microsoft.Extensions.Options.OptionsValidationException>(
            () => SlackTestHost.StartAsync(s => s[setting] = value, intake: new InMemoryIntakeQueue()));

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    private static async Task WaitUntilAsync(Func<bool> done)
    {
        using var timeout = new CancellationTokenSource(FailureGuard);
        while (!done())
            await Task.Delay(20, timeout.Token);
    }
}
