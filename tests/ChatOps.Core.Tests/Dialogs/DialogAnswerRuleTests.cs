using ChatOps.Core.Commands;
using ChatOps.Core.Dialogs;
using ChatOps.Core.Views;
using ChatOps.Testing;
using static ChatOps.Testing.WorkflowHarness;

namespace ChatOps.Core.Tests.Dialogs;

/// <summary>While a dialog waits, typed text is its answer; ! runs a command; cancel and help always act.</summary>
public sealed class DialogAnswerRuleTests : IDisposable
{
    private readonly WorkflowHarness _h = new();

    public void Dispose() => _h.Dispose();

    [Fact]
    public async Task AnswerThatReadsAsACommand_IsTakenAsTheAnswer_WithAHint()
    {
        await _h.SayAsync("declare \"x\"");
        await _h.SayAsync("phase review --skip \"not under test here\"");
        await _h.SayAsync("review");

        // "test …" is a command word, "decision …" a valid command: both are answers while the review waits.
        var first = await _h.SayAsync("test coverage of the edge proxies was poor");
        var second = await _h.SayAsync("decision \"making was slow\"");

        Assert.Contains("Review 2/6", Text(first), StringComparison.Ordinal);
        Assert.DoesNotContain("type: !test", Text(first), StringComparison.Ordinal);
        Assert.Contains("Review 3/6", Text(second), StringComparison.Ordinal);
        Assert.Contains("type: !decision \"making was slow\"", Text(second), StringComparison.Ordinal);
        var incident = (await _h.Storage.Incidents.GetAsync(Tenant, "INC-2026-0001"))!.Incident;
        Assert.Equal("test coverage of the edge proxies was poor", incident.ReviewAnswerTo("went-well")?.Answer);
        Assert.Equal("decision \"making was slow\"", incident.ReviewAnswerTo("went-badly")?.Answer);
        Assert.DoesNotContain(await _h.Storage.Incidents.GetDecisionsAsync(Tenant, "INC-2026-0001"), r => r.Kind == "decision.noted");
    }

    [Fact]
    public async Task BangCommand_RunsWhileTheDialogWaits_AndRemindsOfIt()
    {
        await _h.SayAsync("declare \"x\"");
        await _h.SayAsync("phase contain --skip \"not under test here\"");

        var status = await _h.SayAsync("!status");
        var answer = await _h.SayAsync("yes", Bob);

        Assert.IsType<IncidentSummaryView>(status.Replies[0].View);
        Assert.True(Text(status).Contains("contain checklist dialog is still waiting", StringComparison.Ordinal), Text(status));
        Assert.True(Text(answer).Contains("contain 2/4", StringComparison.Ordinal), Text(answer));
    }

    [Theory]
    [InlineData("help")]
    [InlineData("HELP")]
    [InlineData("cancel")]
    public async Task CancelAndHelp_AreNeverAnswers(string text)
    {
        await _h.SayAsync("declare \"x\"");
        await _h.SayAsync("assess");

        var result = await _h.SayAsync(text);

        Assert.DoesNotContain("could not read", Text(result), StringComparison.Ordinal);
        Assert.Empty((await _h.Storage.Incidents.GetAsync(Tenant, "INC-2026-0001"))!.Incident.Systems);
    }

    [Fact]
    public async Task WithoutADialog_BangIsOptional()
    {
        await _h.SayAsync("declare \"x\"");

        var plain = await _h.SayAsync("status");
        var bang = await _h.SayAsync("!status");

        Assert.Equal(plain.Replies.Select(r => r.View.GetType()), bang.Replies.Select(r => r.View.GetType()));
        Assert.DoesNotContain(bang.Replies, r => r.Mode == ReplyMode.Private);
    }

    [Fact]
    public async Task StructuredQuestion_LetsAValidCommandRun_AndKeepsWaiting()
    {
        await _h.SayAsync("declare \"x\"");
        await _h.SayAsync("phase contain --skip \"not under test here\"");

        var added = await _h.SayAsync("contain add \"Block 443\" --undo \"Remove rule 17\"");
        var malformed = await _h.SayAsync("contain add \"Block 80\"");
        var answer = await _h.SayAsync("yes");

        Assert.Contains("still waiting", Text(added), StringComparison.Ordinal);
        Assert.Single((await _h.Storage.Incidents.GetAsync(Tenant, "INC-2026-0001"))!.Incident.Containment);
        Assert.True(IsError(malformed));
        Assert.Contains("--undo", Text(malformed), StringComparison.Ordinal);
        Assert.Contains("contain 2/4", Text(answer), StringComparison.Ordinal);
    }

    [Fact]
    public async Task FreeTextQuestion_TakesANotifyCommandAsTheAnswer_NothingIsSent()
    {
        await _h.SayAsync("declare \"x\"");
        await _h.SayAsync("assess");
        await _h.SayAsync("none");
        await _h.SayAsync("none");

        var impact = await _h.SayAsync("notify users earlier about outages");

        Assert.Contains("Assess 4/4", Text(impact), StringComparison.Ordinal);
        // Only the declaration's own notice exists: the answer sent nothing.
        Assert.Single(await _h.Storage.Incidents.GetDecisionsAsync(Tenant, "INC-2026-0001"), r => r.Kind == "notice.published");
        Assert.Contains("Your next message is the answer", Text(impact), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("help assess")]
    [InlineData("help review")]
    [InlineData("help cancel")]
    public async Task Help_ForADialogCommand_ExplainsTheAnswerRuleAndTheForm(string text)
    {
        var view = Assert.IsType<HelpView>((await _h.SayAsync(text)).Replies.Single().View);
        var help = view.Detail!.Detail;

        Assert.Contains("with ! (e.g. !status)", help, StringComparison.Ordinal);
        Assert.Contains("Open form", help, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AfterClose_ALeftoverDialogNoLongerTakesWhatIsTyped()
    {
        await _h.SayAsync("declare \"x\"");
        await _h.SayAsync("phase review --skip \"not under test here\"");
        await _h.SayAsync("review");
        var close = await _h.SayAsync("!close --force \"drill\"");
        // A review dialog left behind (e.g. saved by another instance while the incident closed).
        await _h.Storage.Dialogs.SaveAsync(new DialogState(Channel, "INC-2026-0001", "review", 1, new Dictionary<string, string>(), "29:alice", _h.Time.GetUtcNow()));

        var status = await _h.SayAsync("status");

        Assert.False(IsError(close), Text(close));
        Assert.True((await _h.Storage.Incidents.GetAsync(Tenant, "INC-2026-0001"))!.Incident.IsClosed);
        Assert.DoesNotContain("Review 2/6", Text(status), StringComparison.Ordinal);
        Assert.Null(await _h.Storage.Dialogs.GetAsync(Channel));
    }
}
