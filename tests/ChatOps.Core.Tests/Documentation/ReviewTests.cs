using ChatOps.Core.Incidents;
using ChatOps.Testing;
using static ChatOps.Testing.WorkflowHarness;

namespace ChatOps.Core.Tests.Documentation;

public sealed class ReviewTests : IDisposable
{
    private const string Id = "INC-2026-0001";
    private readonly WorkflowHarness _h = new();

    [Fact]
    public async Task Review_OutsideTheReviewPhase_SaysHowToGetThere()
    {
        await _h.SayAsync("declare \"x\"");

        var reply = await _h.SayAsync("review");

        Assert.True(IsError(reply));
        Assert.Contains("phase review", Text(reply), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Review_AllQuestions_RecordsAnswersAndActionItemsAsDecisions()
    {
        await InReviewPhase();

        var first = await _h.SayAsync("review");
        await _h.SayAsync("Fast containment");
        await _h.SayAsync("Slow approvals", Bob);
        await _h.SayAsync("Unpatched edge device");
        await _h.SayAsync("Keep an asset inventory");
        var items = await _h.SayAsync("owner @29:dan, due 2026-12-15, automate patching, with tests; owner @29:bob, due 2027-01-10, update the runbook");
        var last = await _h.SayAsync("Edge devices playbook");

        Assert.Contains("Review 1/6 — What went well?", Text(first), StringComparison.Ordinal);
        Assert.Contains("Recorded 2 action item(s)", Text(items), StringComparison.Ordinal);
        Assert.Contains("Review recorded", Text(last), StringComparison.Ordinal);
        var incident = await Incident();
        Assert.Equal("Bob", incident.ReviewAnswerTo("went-badly")!.By.DisplayName);
        Assert.Equal("Edge devices playbook", incident.ReviewAnswerTo("policies")!.Answer);
        Assert.Equal(
            [("A1", "29:dan", new DateOnly(2026, 12, 15), "automate patching, with tests"), ("A2", "29:bob", new DateOnly(2027, 1, 10), "update the runbook")],
            incident.ActionItems.Select(a => (a.Id, a.Owner.UserId, a.Due, a.Text)));
        var kinds = (await _h.Storage.Incidents.GetDecisionsAsync(Tenant, Id)).Select(r => r.Kind).ToList();
        Assert.Equal(5, kinds.Count(k => k == "review.answered"));
        Assert.Equal(2, kinds.Count(k => k == "review.action-item"));
    }

    [Theory]
    [InlineData("dan will automate patching", "I could not read")]
    [InlineData("owner @29:dan, due 15/12/2026, automate patching", "is not a date")]
    [InlineData("owner @29:dan, due 2026-02-30, automate patching", "is not a date")]
    [InlineData("owner @29:dan, due 2026-11-01, automate patching", "is in the past")]
    public async Task ActionItems_BadEntry_AsksAgainAndRecordsNothing(string answer, string problem)
    {
        await InReviewPhase();
        await _h.SayAsync("review");
        foreach (var text in new[] { "a", "b", "c", "d" })
        {
            await _h.SayAsync(text);
        }

        var reply = await _h.SayAsync(answer);

        Assert.Contains(problem, Text(reply), StringComparison.Ordinal);
        Assert.Empty((await Incident()).ActionItems);
        var retry = await _h.SayAsync("none");
        Assert.Contains("Review 6/6", Text(retry), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Review_Interrupted_ContinuesAtTheFirstUnansweredQuestion()
    {
        await InReviewPhase();
        await _h.SayAsync("review");
        await _h.SayAsync("Fast containment");
        await _h.SayAsync("cancel");

        var again = await _h.SayAsync("review");

        Assert.Contains("Review 2/6 — What did not go well?", Text(again), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Review_AfterClose_IsRefusedBecauseTheRecordIsReadOnly()
    {
        await _h.SayAsync("declare \"x\"");
        await _h.SayAsync("close --force \"drill\"");

        var reply = await _h.SayAsync("review");

        Assert.True(IsError(reply));
        Assert.Contains("is closed; its record is read-only", Text(reply), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Status_AfterClose_ListsTheOpenActionItems()
    {
        await InReviewPhase();
        await _h.SayAsync("review");
        foreach (var text in new[] { "a", "b", "c", "d", "owner @29:dan, due 2026-12-01, rotate keys", "none" })
        {
            await _h.SayAsync(text);
        }

        await _h.SayAsync("close --force \"drill\"");
        _h.Time.Advance(TimeSpan.FromDays(5));

        var reply = Text(await _h.SayAsync("status", Carol));

        Assert.Contains($"{Id} \"x\" is closed", reply, StringComparison.Ordinal);
        Assert.Contains("Open action items (1):\nA1 rotate keys — owner Dan, due 2026-12-01 — OVERDUE", reply, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Status_AfterCloseWithoutReview_SaysSo()
    {
        await _h.SayAsync("declare \"x\"");
        await _h.SayAsync("close --force \"drill\"");

        var reply = Text(await _h.SayAsync("status"));

        Assert.Contains("No action items were recorded", reply, StringComparison.Ordinal);
    }

    private async Task InReviewPhase()
    {
        await _h.SayAsync("declare \"x\"");
        await _h.SayAsync("phase review --skip \"not under test here\"");
    }

    private async Task<Incident> Incident() => (await _h.Storage.Incidents.GetAsync(Tenant, Id))!.Incident;

    public void Dispose() => _h.Dispose();
}
