namespace ChatOps.Slack.Tests.SocketMode;

/// <summary>Staying connected: two sockets, refreshes, lost sockets, missed pings, redeliveries applied once.</summary>
public sealed class SocketModeConnectionTests
{
    [Fact]
    public async Task Start_AppTokenSet_OpensTwoConnectionsWithTheAppTokenAsBearer()
    {
        await using var bot = await SocketModeTestHost.StartAsync();

        var (first, second) = await bot.ConnectedAsync();

        Assert.True(first.IsOpen && second.IsOpen);
        Assert.All(bot.Socket.OpenAuthorizations, a => Assert.Equal("Bearer " + SocketModeTestHost.AppToken, a));
        Assert.DoesNotContain(bot.Host.Api.Calls, c => c.Method != "apps.connections.open");
    }

    [Fact]
    public async Task Disconnect_MidBurst_EveryEnvelopeAppliedOnceAndReplacementOpened()
    {
        await using var bot = await SocketModeTestHost.StartAsync(prepare: socket => socket.AckDeadline = TimeSpan.FromMilliseconds(500));
        var (first, second) = await bot.ConnectedAsync();

        for (var i = 1; i <= 4; i++)
        {
            await bot.Socket.DeliverAsync(Mention(i), i % 2 == 0 ? second : first);
        }

        await first.SendDisconnectAsync("refresh_requested");
        await bot.Socket.DeliverAsync(Mention(5), first);
        await bot.Socket.DeliverAsync(Mention(6), second);
        var replacement = await bot.Socket.NextConnectionAsync();
        await first.CloseAsync();
        for (var i = 7; i <= 10; i++)
        {
            await bot.Socket.DeliverAsync(Mention(i), i % 2 == 0 ? second : replacement);
        }

        await bot.Socket.WaitForAcksAsync(acks => Enumerable.Range(1, 10).All(i => acks.Any(a => a.EnvelopeId == $"env-{i}")));
        await bot.Socket.DeliverAsync(SocketModeEnvelopes.EventsApi("env-sentinel", SocketModeEnvelopes.AppMention("Ev-sentinel", "sentinel")), replacement);
        while ((await bot.Host.Dispatcher.NextAsync()).Text != "sentinel")
        {
        }

        Assert.Equal(
            Enumerable.Range(1, 10).Select(i => $"burst {i}").Order(StringComparer.Ordinal),
            bot.Host.Dispatcher.Received.Select(c => c.Text).Where(t => t != "sentinel").Order(StringComparer.Ordinal));
        Assert.Equal(3, bot.Socket.Connections.Count);
    }

    [Fact]
    public async Task DuplicateDelivery_SameEventOnBothConnections_AppliedOnce()
    {
        await using var bot = await SocketModeTestHost.StartAsync();
        var (first, second) = await bot.ConnectedAsync();

        await bot.Socket.DeliverAsync(SocketModeEnvelopes.EventsApi("env-a", SocketModeEnvelopes.AppMention("Ev1", "contain")), first);
        await bot.Socket.DeliverAsync(SocketModeEnvelopes.EventsApi("env-b", SocketModeEnvelopes.AppMention("Ev1", "contain"), retryAttempt: 1, retryReason: "timeout"), second);
        await bot.Socket.DeliverAsync(SocketModeEnvelopes.EventsApi("env-c", SocketModeEnvelopes.AppMention("Ev2", "sentinel")), first);

        Assert.Equal("contain", (await bot.Host.Dispatcher.NextAsync()).Text);
        Assert.Equal("sentinel", (await bot.Host.Dispatcher.NextAsync()).Text);
        Assert.Equal(2, bot.Host.Dispatcher.Received.Count);
        await bot.Socket.WaitForAcksAsync(acks => acks.Count >= 3);
        Assert.Equal(["env-a", "env-b", "env-c"], bot.Socket.Acks.Select(a => a.EnvelopeId).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task MissedAckDeadline_AckArrivesLate_RedeliveryOnTheOtherConnectionAppliedOnce()
    {
        await using var bot = await SocketModeTestHost.StartAsync(prepare: socket => socket.AckDeadline = TimeSpan.FromMilliseconds(300));
        var (first, second) = await bot.ConnectedAsync();
        bot.Socket.TreatFirstAckAsLate("env-1");

        await bot.Socket.DeliverAsync(SocketModeEnvelopes.SlashCommand("env-1", "declare", "trigger-1"), first);

        // Slack's redelivery goes out on the other connection. Which ack arrives first is a race when the first one
        // takes longer than the short deadline (a cold start on a busy machine), so only both connections' acks count.
        await bot.Socket.WaitForAcksAsync(acks => acks.Where(a => a.EnvelopeId == "env-1").Select(a => a.Connection).Distinct().Count() == 2);
        await bot.Socket.DeliverAsync(SocketModeEnvelopes.SlashCommand("env-2", "sentinel", "trigger-2"), second);
        Assert.Equal("declare", (await bot.Host.Dispatcher.NextAsync()).Text);
        Assert.Equal("sentinel", (await bot.Host.Dispatcher.NextAsync()).Text);
        Assert.Equal(2, bot.Host.Dispatcher.Received.Count);
    }

    [Fact]
    public async Task QueueFull_EnvelopeLeftUnacknowledged_SlacksRedeliveryAfterTheDeadlineIsApplied()
    {
        await using var bot = await SocketModeTestHost.StartAsync(s => s["Slack:QueueCapacity"] = "1", socket => socket.AckDeadline = TimeSpan.FromMilliseconds(300));
        var (first, _) = await bot.ConnectedAsync();
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        bot.Host.Dispatcher.Before = (command, ct) => command.Text == "one" ? gate.Task.WaitAsync(ct) : Task.CompletedTask;
        await bot.Socket.DeliverAsync(SocketModeEnvelopes.EventsApi("env-1", SocketModeEnvelopes.AppMention("Ev1", "one")), first);
        await bot.Host.Dispatcher.NextAsync();
        await bot.Socket.DeliverAsync(SocketModeEnvelopes.EventsApi("env-2", SocketModeEnvelopes.AppMention("Ev2", "two")), first);

        await bot.Socket.DeliverAsync(SocketModeEnvelopes.EventsApi("env-3", SocketModeEnvelopes.AppMention("Ev3", "three")), first);
        await bot.WaitForLogAsync("env-3 left unacknowledged");
        gate.SetResult();

        Assert.Equal("two", (await bot.Host.Dispatcher.NextAsync()).Text);
        Assert.Equal("three", (await bot.Host.Dispatcher.NextAsync()).Text);
        await bot.Socket.WaitForAcksAsync(acks => acks.Any(a => a.EnvelopeId == "env-3"));
    }

    [Fact]
    public async Task SocketClosed_WithoutDisconnect_ReplacedAndServing()
    {
        await using var bot = await SocketModeTestHost.StartAsync();
        var (first, _) = await bot.ConnectedAsync();

        await first.CloseAsync();
        var replacement = await bot.Socket.NextConnectionAsync();
        await bot.Socket.DeliverAsync(SocketModeEnvelopes.SlashCommand("env-1", "status", "trigger-1"), replacement);

        Assert.Equal("status", (await bot.Host.Dispatcher.NextAsync()).Text);
        Assert.Contains(bot.Host.Logs.GetSnapshot(), r => r.Message.Contains("reconnecting", StringComparison.Ordinal));
    }

    [Fact]
    public async Task MissedPings_HalfOpenSocket_AbortedAndReplaced()
    {
        await using var bot = await SocketModeTestHost.StartAsync(s =>
        {
            s["Slack:SocketMode:PingInterval"] = "00:00:00.200";
            s["Slack:SocketMode:PingTimeout"] = "00:00:00.400";
        });
        var (first, _) = await bot.ConnectedAsync();

        first.GoHalfOpen();
        var replacement = await bot.Socket.NextConnectionAsync();

        Assert.True(replacement.IsOpen);
        await first.Closed.WaitAsync(SocketModeTestHost.Guard);
    }

    [Fact]
    public async Task LinkDisabled_StopsWithoutReconnecting_AndReadinessFails()
    {
        await using var bot = await SocketModeTestHost.StartAsync();
        var (first, second) = await bot.ConnectedAsync();

        await first.SendDisconnectAsync("link_disabled");

        await Task.WhenAll(first.Closed, second.Closed).WaitAsync(SocketModeTestHost.Guard);
        var readiness = await bot.ReadinessAsync();
        Assert.Equal(Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Unhealthy, readiness.Status);
        Assert.Contains("link_disabled", readiness.Entries.Single().Value.Description, StringComparison.Ordinal);
        Assert.Equal(2, bot.Socket.Connections.Count);
        Assert.Equal(2, bot.Socket.OpenAuthorizations.Count);
    }

    private static System.Text.Json.Nodes.JsonObject Mention(int i) =>
        SocketModeEnvelopes.EventsApi($"env-{i}", SocketModeEnvelopes.AppMention($"Ev{i}", $"burst {i}"));
}
