using System.Diagnostics.Metrics;
using ChatOps.Core.Alerts;
using ChatOps.Core.Decisions.Events;
using ChatOps.Core.Incidents;
using ChatOps.Core.Views;
using ChatOps.Testing;
using static ChatOps.Testing.WorkflowHarness;

namespace ChatOps.Core.Tests.Alerts;

/// <summary>Alerts on a just-deployed system: one record and one card per alert, repeats counted on the card, verify held while it fires.</summary>
public sealed class AlertIntakeTests : IDisposable
{
    private readonly AlertScenario _s = new();

    [Fact]
    public async Task TakeAsync_FirstFiringOnDeployedSystem_RecordsAndPostsOneCard()
    {
        await _s.DeployAsync();

        var outcome = await _s.TakeAsync(AlertScenario.Alert());

        Assert.Equal(AlertIntakeOutcome.Recorded, outcome);
        var alert = Assert.Single((await _s.IncidentAsync()).Alerts);
        Assert.Equal(("AL1", "mail01", "KB1", AlertState.Firing), (alert.Id, alert.System, alert.PatchId, alert.State));
        var card = Assert.Single(_s.Channel.Posts);
        Assert.Equal(("AL1", 1, AlertCardStatus.Firing, TimeSpan.Zero), (card.AlertId, card.Count, card.Status, card.SinceDeploy));
        Assert.Single(await _s.RecordsAsync(), r => r.Kind == AlertFired.EventKind && r.Actor.UserId == AlertIntake.ActorId);
    }

    [Fact]
    public async Task TakeAsync_RepeatFiring_UpdatesTheCardWithTheCountAndRecordsNothing()
    {
        await _s.DeployAsync();
        await _s.TakeAsync(AlertScenario.Alert());
        var records = (await _s.RecordsAsync()).Count;

        var second = await _s.TakeAsync(AlertScenario.Alert());
        var third = await _s.TakeAsync(AlertScenario.Alert());

        Assert.Equal((AlertIntakeOutcome.Repeated, AlertIntakeOutcome.Repeated), (second, third));
        Assert.Single(_s.Channel.Posts);
        Assert.Equal([2, 3], _s.Channel.Updates.Select(u => u.View.Count));
        Assert.All(_s.Channel.Updates, u => Assert.Equal("activity-1", u.Card.MessageId));
        Assert.Equal(records, (await _s.RecordsAsync()).Count);
    }

    [Fact]
    public async Task DeployVerify_WhileAlertFires_IsRefusedNamingTheAlertAndTheWaysOut()
    {
        await _s.DeployAsync();
        await _s.TakeAsync(AlertScenario.Alert());

        var reply = await _s.Harness.SayAsync("deploy verify KB1 mail01 ok");

        Assert.True(IsError(reply));
        Assert.Contains("alert AL1 (HighErrorRate, prometheus)", Text(reply), StringComparison.Ordinal);
        Assert.Contains("alert keep AL1 --reason", Text(reply), StringComparison.Ordinal);
        Assert.Contains("alert rollback AL1", Text(reply), StringComparison.Ordinal);
        Assert.Equal(SystemPatchState.Deploying, (await _s.IncidentAsync()).Patches[0].Systems["mail01"]);
    }

    [Fact]
    public async Task PatchMatrix_WhileAlertFires_ShowsAlertForTheSystem()
    {
        await _s.DeployAsync();
        await _s.TakeAsync(AlertScenario.Alert());

        var matrix = Core.Workflow.IncidentViews.PatchMatrix(await _s.IncidentAsync());

        Assert.Equal(PatchCellState.Alert, matrix.Rows.Single(r => r.System == "mail01").States[0]);
        Assert.Equal(PatchCellState.Deploying, matrix.Rows.Single(r => r.System == "mail02").States[0]);
    }

    [Fact]
    public async Task TakeAsync_Resolution_RecordsItUpdatesTheCardAndVerifyThenSucceeds()
    {
        await _s.DeployAsync();
        await _s.TakeAsync(AlertScenario.Alert());

        var outcome = await _s.TakeAsync(AlertScenario.Alert(firing: false));
        var verify = await _s.Harness.SayAsync("deploy verify KB1 mail01 ok");

        Assert.Equal(AlertIntakeOutcome.Recorded, outcome);
        Assert.Equal(AlertCardStatus.Resolved, Assert.Single(_s.Channel.Updates).View.Status);
        Assert.False(IsError(verify));
        Assert.Equal(SystemPatchState.Patched, (await _s.IncidentAsync()).Patches[0].Systems["mail01"]);
    }

    [Fact]
    public async Task TakeAsync_NoSystemMapped_IsCountedAsUnknownAndNotPosted()
    {
        await _s.DeployAsync();
        var counted = new List<string?>();
        using var listener = Listen(counted);

        var outcome = await _s.TakeAsync(AlertScenario.Alert(system: ""));

        Assert.Equal(AlertIntakeOutcome.UnknownSystem, outcome);
        Assert.Contains("unknown-system", counted);
        Assert.Empty(_s.Channel.Posts);
        Assert.Empty((await _s.IncidentAsync()).Alerts);
    }

    [Fact]
    public async Task TakeAsync_SystemNotDeployed_IsNotWatchedAndNotPosted()
    {
        await _s.DeployAsync();

        var outcome = await _s.TakeAsync(AlertScenario.Alert(system: "web01"));

        Assert.Equal(AlertIntakeOutcome.NotWatched, outcome);
        Assert.Empty(_s.Channel.Posts);
    }

    [Fact]
    public async Task TakeAsync_AfterTheWatchEnded_IsNotWatched()
    {
        await _s.DeployAsync();
        _s.Harness.Time.Advance(TimeSpan.FromHours(4) + TimeSpan.FromMinutes(1));

        var outcome = await _s.TakeAsync(AlertScenario.Alert());

        Assert.Equal(AlertIntakeOutcome.NotWatched, outcome);
    }

    private static MeterListener Listen(List<string?> outcomes)
    {
        var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Name == "chatops.alerts")
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<long>((_, _, tags, _) =>
        {
            foreach (var tag in tags)
            {
                if (tag.Key == AlertDiagnostics.OutcomeTag)
                {
                    lock (outcomes)
                    {
                        outcomes.Add(tag.Value as string);
                    }
                }
            }
        });
        listener.Start();
        return listener;
    }

    public void Dispose() => _s.Dispose();
}
