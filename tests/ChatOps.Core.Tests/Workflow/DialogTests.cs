using ChatOps.Core.Incidents;
using ChatOps.Testing;
using static ChatOps.Testing.WorkflowHarness;

namespace ChatOps.Core.Tests.Workflow;

public class DialogTests
{
    [Fact]
    public async Task AssessDialog_SurvivesARestartAndAnyoneCanAnswer()
    {
        var storage = new InMemoryStorage();
        using (var first = new WorkflowHarness(storage))
        {
            await first.SayAsync("declare \"Citrix exploitation\" --sev sev1");
            var q1 = await first.SayAsync("assess");
            await first.SayAsync("netscaler01 high @29:dan, vpn02 low");
            Assert.Contains("Which systems are affected?", Text(q1), StringComparison.Ordinal);
        }

        // A new bot instance on the same storage picks the dialog up; Bob answers where Alice started.
        using var second = new WorkflowHarness(storage);
        var retry = await second.SayAsync("CVE-2023-4966 CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H maybe", Bob);
        await second.SayAsync("CVE-2023-4966 CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H exploited", Bob);
        await second.SayAsync("Remote access down for 3,000 staff");
        var done = await second.SayAsync("yes — session tokens");

        Assert.Contains("could not read 'maybe'", Text(retry), StringComparison.Ordinal);
        Assert.Contains("priority P1", Text(done), StringComparison.Ordinal);
        var incident = (await storage.Incidents.GetAsync(Tenant, "INC-2026-0001"))!.Incident;
        Assert.Equal("high", incident.FindSystem("netscaler01")!.Criticality);
        Assert.Equal("Dan", incident.FindSystem("netscaler01")!.Owner?.DisplayName);
        Assert.Equal(9.8, incident.Vulnerabilities.Single().BaseScore);
        Assert.Equal("Remote access down for 3,000 staff", incident.Impact);
        Assert.Equal("P1", incident.Priority);
        Assert.Null(await storage.Dialogs.GetAsync(Channel));
    }

    [Fact]
    public async Task Answer_SameQuestionReadByTwoAtOnce_SecondIsToldAndNotRecorded()
    {
        using var h = new WorkflowHarness();
        await h.SayAsync("declare \"x\"");
        await h.SayAsync("assess");
        h.Storage.Dialogs.ReadAs = await h.Storage.Dialogs.GetAsync(Channel);
        await h.SayAsync("web01 medium");

        var second = await h.SayAsync("web02 high", Bob);

        Assert.Contains("your answer was not recorded", Text(second), StringComparison.Ordinal);
        var incident = (await h.Storage.Incidents.GetAsync(Tenant, "INC-2026-0001"))!.Incident;
        Assert.NotNull(incident.FindSystem("web01"));
        Assert.Null(incident.FindSystem("web02"));
    }

    [Fact]
    public async Task Answer_QuestionBeingAnsweredBySomeoneElse_IsToldAndNotRecorded()
    {
        using var h = new WorkflowHarness();
        await h.SayAsync("declare \"x\"");
        await h.SayAsync("assess");
        var state = (await h.Storage.Dialogs.GetAsync(Channel))!;
        h.Storage.Dialogs.ReadAs = state with { Data = new Dictionary<string, string> { ["~answering"] = state.Step.ToString(System.Globalization.CultureInfo.InvariantCulture) }, UpdatedAt = h.Time.GetUtcNow() };

        var answer = await h.SayAsync("web02 high", Bob);

        Assert.Contains("your answer was not recorded", Text(answer), StringComparison.Ordinal);
        Assert.Null((await h.Storage.Incidents.GetAsync(Tenant, "INC-2026-0001"))!.Incident.FindSystem("web02"));
    }

    [Fact]
    public async Task Cancel_LeavesTheDialogAndKeepsAnswers()
    {
        using var h = new WorkflowHarness();
        await h.SayAsync("declare \"x\"");
        await h.SayAsync("assess");
        await h.SayAsync("web01 medium");

        var cancel = await h.SayAsync("cancel");
        var afterwards = await h.SayAsync("web02 high");

        Assert.Contains("Left the assess dialog", Text(cancel), StringComparison.Ordinal);
        Assert.Contains("Unknown command 'web02'", Text(afterwards), StringComparison.Ordinal);
        Assert.NotNull((await h.Storage.Incidents.GetAsync(Tenant, "INC-2026-0001"))!.Incident.FindSystem("web01"));
    }

    [Fact]
    public async Task PhaseDialog_WalksTheChecklistAndTicksWhatIsDone()
    {
        using var h = new WorkflowHarness();
        await h.SayAsync("declare \"x\"");

        var start = await h.SayAsync("phase contain --skip \"not under test here\"");
        await h.SayAsync("yes");
        var bad = await h.SayAsync("perhaps");
        await h.SayAsync("skip");
        await h.SayAsync("yes", Bob);
        var end = await h.SayAsync("no");

        Assert.Contains("Isolate affected systems: done?", Text(start), StringComparison.Ordinal);
        Assert.Contains("Please answer yes, no or skip", Text(bad), StringComparison.Ordinal);
        Assert.Contains("contain checklist: 2/4 done", Text(end), StringComparison.Ordinal);
        var items = (await h.Storage.Incidents.GetAsync(Tenant, "INC-2026-0001"))!.Incident.Checklists[Phase.Contain];
        Assert.Equal([true, false, true, false], items.Select(i => i.Done));
        Assert.Equal("Bob", items[2].DoneBy?.DisplayName);
    }
}
