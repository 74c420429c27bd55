using ChatOps.Core.Decisions.Events;
using ChatOps.Core.Incidents;
using ChatOps.Core.Views;
using ChatOps.Testing;
using static ChatOps.Testing.WorkflowHarness;

namespace ChatOps.Core.Tests.Alerts;

/// <summary>Keep (with a reason, commander) and roll back (as deploy rollback), typed or clicked; the card follows.</summary>
public sealed class AlertDecisionTests : IDisposable
{
    private readonly AlertScenario _s = new();

    [Fact]
    public async Task AlertKeep_WithoutReason_IsRefused()
    {
        await FiringAsync();

        var reply = await _s.Harness.ClickAsync(CardVerbs.AlertKeep, Data());

        Assert.Contains("needs a reason", Text(reply), StringComparison.Ordinal);
        Assert.Equal(AlertState.Firing, (await _s.IncidentAsync()).Alerts[0].State);
    }

    [Fact]
    public async Task AlertKeep_ClickWithReason_RecordsItUpdatesTheCardAndVerifySucceeds()
    {
        await FiringAsync();

        await _s.Harness.ClickAsync(CardVerbs.AlertKeep, Data("cache warming, error rate flat"));
        var verify = await _s.Harness.SayAsync("deploy verify KB1 mail01 ok");

        var alert = (await _s.IncidentAsync()).Alerts[0];
        Assert.Equal((AlertState.Kept, "Alice", "cache warming, error rate flat"), (alert.State, alert.DecidedBy!.DisplayName, alert.Reason));
        Assert.Equal(AlertCardStatus.Kept, Assert.Single(_s.Channel.Updates).View.Status);
        Assert.False(IsError(verify));
    }

    [Fact]
    public async Task AlertKeep_ByAMemberWithoutRole_IsRefusedAndRecorded()
    {
        await FiringAsync();

        var reply = await _s.Harness.SayAsync("alert keep AL1 --reason \"fine\"", Carol);

        Assert.True(IsError(reply));
        Assert.Equal(AlertState.Firing, (await _s.IncidentAsync()).Alerts[0].State);
        Assert.Contains(await _s.RecordsAsync(), r => r.Kind == AttemptRefused.EventKind && r.Actor.UserId == Carol.UserId);
    }

    [Fact]
    public async Task AlertRollback_Click_RollsThePatchBackAndAnswersTheAlert()
    {
        await FiringAsync();

        await _s.Harness.ClickAsync(CardVerbs.AlertRollback, Data(), Bob);

        var incident = await _s.IncidentAsync();
        Assert.All(incident.Patches[0].Systems.Values, s => Assert.Equal(SystemPatchState.RolledBack, s));
        Assert.Equal((AlertState.RolledBack, "Bob"), (incident.Alerts[0].State, incident.Alerts[0].DecidedBy!.DisplayName));
        Assert.Equal(AlertCardStatus.RolledBack, Assert.Single(_s.Channel.Updates).View.Status);
        var rollback = Assert.Single(await _s.RecordsAsync(), r => r.Kind == SystemPatchStateChanged.EventKind && r.Reason is not null);
        Assert.Contains("alert AL1", rollback.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DeployRollback_Typed_AnswersTheFiringAlert()
    {
        await FiringAsync();

        await _s.Harness.SayAsync("deploy rollback KB1 --reason \"errors\"");

        Assert.Equal(AlertState.RolledBack, (await _s.IncidentAsync()).Alerts[0].State);
    }

    [Fact]
    public async Task AlertRollback_OfAKeptAlert_MarksItRolledBack()
    {
        await FiringAsync();
        await _s.Harness.SayAsync("alert keep AL1 --reason \"flat\"");

        await _s.Harness.SayAsync("alert rollback AL1 --reason \"errors came back\"", Bob);

        Assert.Equal(AlertState.RolledBack, (await _s.IncidentAsync()).Alerts[0].State);
    }

    [Fact]
    public async Task AlertRollback_WhenPolicyKeepsDeployRollbackToTheCommander_RefusedForAMember()
    {
        using var scenario = new AlertScenario(new Dictionary<string, string?> { ["Policy:Authority:deploy-rollback"] = "commander" });
        await scenario.DeployAsync();
        await scenario.TakeAsync(AlertScenario.Alert());

        var reply = await scenario.Harness.SayAsync("alert rollback AL1", Bob);

        Assert.True(IsError(reply));
        Assert.Equal(AlertState.Firing, (await scenario.IncidentAsync()).Alerts[0].State);
    }

    [Fact]
    public async Task Verify_AfterAlertDecisions_ReplaysToTheStoredSnapshot()
    {
        await FiringAsync();
        await _s.Harness.SayAsync("alert keep AL1 --reason \"flat\"");
        await _s.TakeAsync(AlertScenario.Alert(firing: false));

        var reply = await _s.Harness.SayAsync("verify");

        Assert.Contains("intact", Text(reply), StringComparison.Ordinal);
    }

    private async Task FiringAsync()
    {
        await _s.DeployAsync();
        await _s.TakeAsync(AlertScenario.Alert());
    }

    private static Dictionary<string, string> Data(string? reason = null)
    {
        var data = new Dictionary<string, string> { [CardDataKeys.IncidentId] = AlertScenario.IncidentId, [CardDataKeys.AlertId] = "AL1" };
        if (reason is not null)
        {
            data[CardDataKeys.Reason] = reason;
        }

        return data;
    }

    public void Dispose() => _s.Dispose();
}
