using ChatOps.Core.Alerts;
using ChatOps.Core.Decisions.Events;
using ChatOps.Core.Incidents;
using ChatOps.Testing;

namespace ChatOps.Core.Tests.Alerts;

/// <summary>The end of a quiet watch, on fake time: the commander is asked once, or with AutoVerify the bot verifies once.</summary>
public sealed class QuietWatchSweepTests
{
    // The window is two hours from deploy start; the watch (Policy:WatchFor) two more.
    private static readonly TimeSpan PastTheWatch = TimeSpan.FromHours(4) + TimeSpan.FromMinutes(1);

    [Fact]
    public async Task RunOnce_BeforeTheWatchEnds_DoesNothing()
    {
        using var s = new AlertScenario();
        await s.DeployAsync();
        s.Harness.Time.Advance(TimeSpan.FromHours(3));

        Assert.Equal(0, await s.Sweep.RunOnceAsync());
    }

    [Fact]
    public async Task RunOnce_QuietWatchEnded_AsksTheCommanderOnce()
    {
        using var s = new AlertScenario();
        await s.DeployAsync();
        s.Harness.Time.Advance(PastTheWatch);

        var first = await s.Sweep.RunOnceAsync();
        var second = await s.Sweep.RunOnceAsync();

        Assert.Equal((1, 0), (first, second));
        var ended = Assert.Single(await s.RecordsAsync(), r => r.Kind == WatchEnded.EventKind);
        Assert.Equal(QuietWatchSweep.ActorId, ended.Actor.UserId);
        var ask = Assert.Single(s.Harness.Storage.Incidents.Outbox, o => o.Payload.Contains("Please verify", StringComparison.Ordinal));
        Assert.Contains("@Alice", ask.Payload, StringComparison.Ordinal);
        Assert.All((await s.IncidentAsync()).Patches[0].Systems.Values, v => Assert.Equal(SystemPatchState.Deploying, v));
    }

    [Fact]
    public async Task RunOnce_AutoVerify_VerifiesOnceRecordedAsTheBotWithItsReason()
    {
        using var s = new AlertScenario(new Dictionary<string, string?> { ["Policy:AutoVerify"] = "true" });
        await s.DeployAsync();
        s.Harness.Time.Advance(PastTheWatch);

        await s.Sweep.RunOnceAsync();
        await s.Sweep.RunOnceAsync();

        var verified = Assert.Single(await s.RecordsAsync(), r => r.Kind == SystemPatchStateChanged.EventKind && r.Actor.UserId == QuietWatchSweep.ActorId);
        Assert.Equal("quiet watch of PT2H, no alerts", verified.Reason);
        Assert.All((await s.IncidentAsync()).Patches[0].Systems.Values, v => Assert.Equal(SystemPatchState.Patched, v));
    }

    [Fact]
    public async Task RunOnce_EarlierDeploymentsWatchEndsDuringARedeploysWatch_NeitherVerifiesNorAsks()
    {
        using var s = new AlertScenario(new Dictionary<string, string?> { ["Policy:AutoVerify"] = "true" });
        await s.DeployAsync();
        await s.Harness.SayAsync("deploy rollback KB1 --reason \"redo with the fixed package\"");
        // A1's window is 22:00Z for 2 h, so its watch ends at 02:00Z; A2's (01:30Z for 2 h) ends at 05:30Z.
        await s.Harness.SayAsync("deploy request KB1 --window 2026-11-28T01:30Z/PT2H");
        await s.Harness.SayAsync("approve A2", ChatOps.Testing.WorkflowHarness.Bob);
        s.Harness.Time.SetUtcNow(new DateTimeOffset(2026, 11, 28, 1, 45, 0, TimeSpan.Zero));
        await s.Harness.SayAsync("deploy start KB1");
        s.Harness.Time.SetUtcNow(new DateTimeOffset(2026, 11, 28, 2, 30, 0, TimeSpan.Zero));

        await s.Sweep.RunOnceAsync();

        Assert.All((await s.IncidentAsync()).Patches[0].Systems.Values, v => Assert.Equal(SystemPatchState.Deploying, v));
        Assert.DoesNotContain(s.Harness.Storage.Incidents.Outbox, o => o.Payload.Contains("Please verify", StringComparison.Ordinal));
        Assert.Contains(await s.RecordsAsync(), r => r.Kind == WatchEnded.EventKind && r.Reason == "superseded by A2");
    }

    [Fact]
    public async Task RunOnce_AlertStillFiring_WaitsForTheDecision()
    {
        using var s = new AlertScenario(new Dictionary<string, string?> { ["Policy:AutoVerify"] = "true" });
        await s.DeployAsync();
        await s.TakeAsync(AlertScenario.Alert());
        s.Harness.Time.Advance(PastTheWatch);

        Assert.Equal(0, await s.Sweep.RunOnceAsync());
    }
}
