using ChatOps.Core.Storage;
using ChatOps.Testing;

namespace ChatOps.Slack.Tests.SocketMode;

/// <summary>Issue 21 with issue 18's intake: an envelope is acknowledged only once it is stored, so acknowledged means kept.</summary>
public sealed class SocketModeDurableIntakeTests
{
    [Fact]
    public async Task Envelope_AcknowledgedOnlyOnceStored_DeletedAfterItRan()
    {
        var intake = new InMemoryIntakeQueue();
        await using var bot = await SocketModeTestHost.StartAsync(intake: intake);
        var (first, _) = await bot.ConnectedAsync();
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        bot.Host.Dispatcher.Before = (_, ct) => gate.Task.WaitAsync(ct);

        await bot.Socket.DeliverAsync(SocketModeEnvelopes.SlashCommand("env-1", "decision \"kept\"", "trigger-1"), first);
        Assert.Equal("env-1", (await bot.Socket.NextAckAsync()).EnvelopeId);
        await bot.Host.Dispatcher.NextAsync();

        Assert.Equal(1, intake.Count);
        gate.SetResult();
        await intake.WaitUntilEmptyAsync().WaitAsync(TimeSpan.FromSeconds(30)); // the timeout only guards against a hang
    }

    [Fact]
    public async Task Envelope_IntakeUnavailable_LeftUnacknowledgedAndAppliedFromSlacksRedelivery()
    {
        var intake = new InMemoryIntakeQueue { Fault = new StorageUnavailableException("queue down") };
        await using var bot = await SocketModeTestHost.StartAsync(intake: intake, prepare: socket => socket.AckDeadline = TimeSpan.FromMilliseconds(300));
        var (first, _) = await bot.ConnectedAsync();

        await bot.Socket.DeliverAsync(SocketModeEnvelopes.EventsApi("env-2", SocketModeEnvelopes.AppMention("Ev2", "status")), first);
        await bot.WaitForLogAsync("env-2 left unacknowledged");
        Assert.Empty(bot.Host.Dispatcher.Received);
        intake.Fault = null;

        Assert.Equal("status", (await bot.Host.Dispatcher.NextAsync()).Text);
        await bot.Socket.WaitForAcksAsync(acks => acks.Any(a => a.EnvelopeId == "env-2"));
    }
}
