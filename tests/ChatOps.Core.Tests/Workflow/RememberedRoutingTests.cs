using ChatOps.Core.Decisions;
using ChatOps.Core.Decisions.Events;
using ChatOps.Testing;
using static ChatOps.Testing.WorkflowHarness;

namespace ChatOps.Core.Tests.Workflow;

/// <summary>
/// Issue 18, Deliver 1: a command in a known conversation is routed from this process's memory (conversation →
/// incident, "no dialog waiting") and decided on the kept snapshot, so it costs one commit and no read; two harnesses
/// on one <see cref="InMemoryStorage"/> are two bot instances, and what one of them changes the other finds out.
/// </summary>
public sealed class RememberedRoutingTests
{
    private const string First = "INC-2026-0001";
    private readonly InMemoryStorage _storage = new();

    [Fact]
    public async Task Decision_InAKnownConversation_ReadsNothingAndCommitsOnce()
    {
        using var h = new WorkflowHarness(_storage);
        await h.SayAsync("declare \"Citrix exploitation\"");
        await h.SayAsync("decision \"Isolate the VPN\"");
        var (directory, dialogs, snapshots, commits) = Counts();

        var result = await h.SayAsync("decision \"Call the vendor\"");

        Assert.False(IsError(result), Text(result));
        Assert.Equal((directory, dialogs, snapshots, commits + 1), Counts());
    }

    [Fact]
    public async Task TypedAnswer_DialogStartedOnTheOtherInstance_IsTakenAsTheAnswer()
    {
        using var mine = new WorkflowHarness(_storage);
        using var other = new WorkflowHarness(_storage);
        await mine.SayAsync("declare \"Citrix exploitation\"");
        await mine.SayAsync("decision \"Isolate the VPN\"");
        await mine.SayAsync("decision \"Call the vendor\"");
        await other.SayAsync("assess");

        // Not a command: only the dialog the other instance started can take it.
        var answer = await mine.SayAsync("netscaler01 high");

        Assert.False(IsError(answer), Text(answer));
        Assert.NotNull((await _storage.Incidents.GetAsync(Tenant, First))!.Incident.FindSystem("netscaler01"));
    }

    [Fact]
    public async Task Command_WhileAFreeTextQuestionOfTheOtherInstanceWaits_IsItsAnswerNotADecision()
    {
        using var mine = new WorkflowHarness(_storage);
        using var other = new WorkflowHarness(_storage);
        await mine.SayAsync("declare \"Citrix exploitation\"");
        await mine.SayAsync("decision \"Isolate the VPN\"");
        await mine.SayAsync("decision \"Call the vendor\"");
        await other.SayAsync("assess");
        await other.SayAsync("netscaler01 high");
        await other.SayAsync("CVE-2023-4966 CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H exploited");

        // The impact question takes free text: everything typed is its answer, a command's words included.
        var reply = await mine.SayAsync("decision \"Remote access down\"");

        Assert.Contains("Taken as the answer to the question", Text(reply), StringComparison.Ordinal);
        Assert.Contains("decision \"Remote access down\"", (await _storage.Dialogs.GetAsync(Channel))!.Data.Values);
        var decisions = await _storage.Incidents.GetDecisionsAsync(Tenant, First);
        Assert.Equal(2, decisions.Count(d => d.Kind == DecisionNoted.EventKind));
    }

    [Fact]
    public async Task Decision_AfterTheOtherInstanceClosedTheIncidentAndDeclaredAnother_GoesToTheNewOne()
    {
        using var mine = new WorkflowHarness(_storage);
        using var other = new WorkflowHarness(_storage);
        await mine.SayAsync("declare \"Citrix exploitation\"");
        await mine.SayAsync("decision \"Isolate the VPN\"");
        await other.SayAsync("close --force \"drill over\"");
        await other.SayAsync("declare \"Second wave\"");

        var result = await mine.SayAsync("decision \"Rotate keys\"");

        Assert.False(IsError(result), Text(result));
        var second = await _storage.Incidents.GetDecisionsAsync(Tenant, "INC-2026-0002");
        Assert.Contains(second, d => d.Kind == DecisionNoted.EventKind
            && ((DecisionNoted)EventSerializer.Deserialize(d.Kind, d.Payload)).What == "Rotate keys");
    }

    [Fact]
    public async Task Status_AfterTheOtherInstanceClosedTheIncidentAndDeclaredAnother_ShowsTheNewOne()
    {
        using var mine = new WorkflowHarness(_storage);
        using var other = new WorkflowHarness(_storage);
        await mine.SayAsync("declare \"Citrix exploitation\"");
        await mine.SayAsync("decision \"Isolate the VPN\"");
        await other.SayAsync("close --force \"drill over\"");
        await other.SayAsync("declare \"Second wave\"");

        var status = await mine.SayAsync("status");

        Assert.Contains("INC-2026-0002", Text(status), StringComparison.Ordinal);
    }

    private (int Directory, int Dialogs, int Snapshots, int Commits) Counts() =>
        (_storage.Directory.Reads, _storage.Dialogs.Reads, _storage.Incidents.Reads, _storage.Incidents.Commits);
}
