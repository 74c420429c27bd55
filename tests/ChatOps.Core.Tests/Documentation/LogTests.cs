using System.Globalization;
using ChatOps.Core.Commands;
using ChatOps.Core.Views;
using ChatOps.Core.Workflow.Handlers;
using ChatOps.Testing;
using static ChatOps.Testing.WorkflowHarness;

namespace ChatOps.Core.Tests.Documentation;

public sealed class LogTests : IDisposable
{
    private readonly WorkflowHarness _h = new();

    [Fact]
    public async Task Log_ShowsNewestFirstWithTimeActorWhatAndWhy()
    {
        await _h.SayAsync("declare \"x\"");
        await _h.SayAsync("role scribe @29:bob");
        _h.Time.Advance(TimeSpan.FromMinutes(5));
        await _h.SayAsync("decision \"Isolate fs01\" --because \"ransomware note found\"", Bob);

        var page = View(await _h.SayAsync("log"));

        var newest = page.Entries[0];
        Assert.Equal(("Bob", "Isolate fs01", "ransomware note found"), (newest.Actor, newest.What, newest.Reason));
        Assert.Equal(_h.Time.GetUtcNow(), newest.At);
        Assert.Equal("decision.noted", newest.Kind);
        Assert.Equal("incident.declared", page.Entries[^1].Kind);
        Assert.Equal((1, 1), (page.Page, page.PageCount));
    }

    [Fact]
    public async Task Log_MoreThanAPage_PagesWithTheCardAction()
    {
        await _h.SayAsync("declare \"x\"");
        for (var i = 1; i <= 11; i++)
        {
            await _h.SayAsync($"decision \"step {i}\"");
        }

        var first = View(await _h.SayAsync("log"));
        var second = await _h.ClickAsync(CardVerbs.LogPage, Data("INC-2026-0001", 2), Bob);

        Assert.Equal((1, 2, LogHandler.PageSize), (first.Page, first.PageCount, first.Entries.Count));
        Assert.Equal("step 11", first.Entries[0].What);
        var page2 = View(second);
        Assert.Equal(ReplyMode.UpdateCard, second.Replies[0].Mode);
        Assert.Equal(2, page2.Page);
        Assert.Equal("step 1", page2.Entries[0].What);
        Assert.Equal("incident.declared", page2.Entries[^1].Kind);
        var total = (await _h.Storage.Incidents.GetDecisionsAsync(Tenant, "INC-2026-0001")).Count;
        Assert.Equal(total - LogHandler.PageSize, page2.Entries.Count);
    }

    [Fact]
    public async Task LogPage_ForAnotherConversationsIncident_IsRefused()
    {
        await _h.SayAsync("declare \"x\"");
        await _h.SayAsync("declare \"y\"", conversation: Channel with { ConversationId = "19:other" });

        var reply = await _h.ClickAsync(CardVerbs.LogPage, Data("INC-2026-0002", 1));

        Assert.True(IsError(reply));
    }

    [Fact]
    public async Task LogPage_WithoutAPageNumber_IsRefused()
    {
        await _h.SayAsync("declare \"x\"");

        var reply = await _h.ClickAsync(CardVerbs.LogPage, new Dictionary<string, string> { ["incidentId"] = "INC-2026-0001", ["page"] = "-1" });

        Assert.Contains("carries no incident or page", Text(reply), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Log_AfterClose_ShowsTheClosedIncidentsLog()
    {
        await _h.SayAsync("declare \"x\"");
        await _h.SayAsync("close --force \"drill\"");

        var page = View(await _h.SayAsync("log"));
        var viaCard = View(await _h.ClickAsync(CardVerbs.LogPage, Data("INC-2026-0001", 1)));

        Assert.Contains(page.Entries, e => e.What.StartsWith("Closed", StringComparison.Ordinal));
        Assert.Equal(page.Entries.Count, viaCard.Entries.Count);
    }

    private static DecisionLogPageView View(CommandResult result) => Assert.IsType<DecisionLogPageView>(Assert.Single(result.Replies).View);

    private static Dictionary<string, string> Data(string incidentId, int page) => new()
    {
        ["incidentId"] = incidentId,
        ["page"] = page.ToString(CultureInfo.InvariantCulture),
    };

    public void Dispose() => _h.Dispose();
}
