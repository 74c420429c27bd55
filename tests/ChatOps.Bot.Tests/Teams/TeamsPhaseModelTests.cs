using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ChatOps.Bot.Tests.Scenario;
using ChatOps.Core.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace ChatOps.Bot.Tests.Teams;

/// <summary>
/// Issue 16, one phase model: a whole run through Teams' <c>/api/messages</c> (signed tokens), after which the status
/// card, the decision log and the exported report (md and json, fetched through the signed link) tell the same story.
/// </summary>
[Trait("Category", "Azurite")]
public sealed partial class TeamsPhaseModelTests : IAsyncLifetime
{
    private static readonly TeamsUser Alice = new("29:alice", "Alice");
    private static readonly TeamsUser Bob = new("29:bob", "Bob");
    private static readonly string[] PhaseNames = ["assess", "contain", "test", "implement", "communicate", "document", "review"];
    private TeamsChannelDriver _teams = null!;

    public async Task InitializeAsync() => _teams = await TeamsChannelDriver.StartAsync();

    public async Task DisposeAsync() => await _teams.DisposeAsync();

    [Fact]
    public async Task WholeRun_StatusCardLogAndExportAgreeOnEveryPhase()
    {
        await Shown(Alice, "declare \"Exchange ProxyShell exploitation\" --sev sev1 --systems mail01,mail02");

        // The assess dialog does not ask for the systems given at declare, and ticks the three assess items.
        var assess = await Shown(Alice, "assess");
        Assert.Contains("Assess 2/4", assess, StringComparison.Ordinal);
        await Shown(Alice, "CVE-2021-34473 CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H exploited");
        await Shown(Alice, "Mail for 4000 users exposed");
        Assert.Contains("Next: phase contain", await Shown(Alice, "unknown"), StringComparison.Ordinal);
        Assert.Equal("current", Tracker(await Shown(Alice, "status"))["assess"]);

        await Shown(Alice, "phase contain");
        await Shown(Bob, "cancel");
        await Shown(Alice, "contain add \"Block OWA at the edge\" --undo \"Remove WAF rule 17\"");
        await Shown(Bob, "contain done C1");
        var refused = await Shown(Alice, "phase test");
        Assert.Contains("Disable compromised accounts", refused, StringComparison.Ordinal);
        Assert.DoesNotContain("Isolate affected systems", refused, StringComparison.Ordinal);
        Assert.DoesNotContain("checklist:", refused, StringComparison.Ordinal);
        await Shown(Alice, "phase test --skip \"Accounts and tokens are handled by the identity team\"");
        await Shown(Bob, "cancel");
        await Shown(Bob, "patch add KB5001779 \"Exchange security update\" --systems mail01,mail02 --rollback \"Uninstall KB5001779\"");
        await Shown(Bob, "test KB5001779 pass --env staging --evidence https://ci.example.org/runs/42");
        await Shown(Alice, "phase review --skip \"Deployment is tracked in the change ticket\"");

        var md = await ExportAsync("md");
        var json = await ExportAsync("json");
        var (card, log) = (await Shown(Alice, "status"), await Shown(Alice, "log"));

        // Read again until no record was added meanwhile (the notification worker records notices that reached nobody).
        for (var stable = false; !stable;)
        {
            var count = await RecordCountAsync();
            (md, json) = (await ExportAsync("md"), await ExportAsync("json"));
            (card, log) = (await Shown(Alice, "status"), await Shown(Alice, "log"));
            stable = count + 2 == await RecordCountAsync();
        }

        var shown = Tracker(card);
        Assert.Equal(("done", "skipped", "done", "skipped", "current"), (shown["assess"], shown["contain"], shown["test"], shown["implement"], shown["review"]));
        Assert.Equal("done", shown["document"]);
        var reported = JsonNode.Parse(json)!["checklists"]!.AsArray().ToDictionary(c => c!["phase"]!.GetValue<string>(), c => c!["progress"]!.GetValue<string>());
        Assert.Equal(shown, reported);
        foreach (var (phase, progress) in shown)
        {
            Assert.Contains($"### {phase} ({progress})", md, StringComparison.Ordinal);
        }

        Assert.Equal("review", JsonNode.Parse(json)!["incident"]!["phase"]!.GetValue<string>());
        // The log (newest first) and the report name items by their text.
        Assert.Contains("Report exported (json)", log, StringComparison.Ordinal);
        Assert.Contains("Ticked assess checklist item “Identify affected systems and their owners”", md, StringComparison.Ordinal);
        Assert.Contains("Ticked contain checklist item “Isolate affected systems”", md, StringComparison.Ordinal);
        Assert.Contains("skipping contain with open items: contain: Disable compromised accounts", md, StringComparison.Ordinal);
        Assert.DoesNotContain("checklist item scope", md + log + json, StringComparison.Ordinal);
        Assert.Contains("\"text\": \"Disable compromised accounts\"", json, StringComparison.Ordinal);
    }

    /// <summary>The phase tracker of a status card as words: ✅ done, ▶ current, ⏭ skipped, ◐ open, ○ next.</summary>
    private static Dictionary<string, string> Tracker(string card) => TrackerLine().Matches(card)
        .Where(m => PhaseNames.Contains(m.Groups[2].Value))
        .ToDictionary(m => m.Groups[2].Value, m => m.Groups[1].Value switch
        {
            "✅" => "done",
            "▶" => "current",
            "⏭" => "skipped",
            "◐" => "open",
            _ => "next",
        });

    private async Task<string> ExportAsync(string format)
    {
        var before = _teams.Connector.Requests.Count;
        await _teams.SayAsync(Alice, "export " + format);
        var text = string.Join('\n', _teams.Connector.Requests.Skip(before).Select(r => JsonText.Of(JsonNode.Parse(r.Body))));
        var url = new Uri(ReportLink().Match(text).Value);
        using var response = await _teams.Client.GetAsync(url.PathAndQuery);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    private async Task<int> RecordCountAsync()
    {
        var directory = _teams.Factory.Services.GetRequiredService<IIncidentDirectory>();
        var key = new Core.Conversations.ConversationKey(Core.Identity.ChannelKind.Teams, _teams.TenantId, _teams.ConversationId.Split(';')[0]);
        var incident = await directory.FindAsync(key);
        return (await _teams.Factory.Services.GetRequiredService<IIncidentStore>().GetDecisionsAsync(_teams.TenantId, incident!)).Count;
    }

    private async Task<string> Shown(TeamsUser user, string text)
    {
        var replies = await _teams.SayAsync(user, text);
        Assert.NotEmpty(replies);
        return string.Join('\n', replies.Select(r => r.Shown));
    }

    [GeneratedRegex(@"(✅|▶|⏭|◐|○) \**([a-z]+)\**")]
    private static partial Regex TrackerLine();

    [GeneratedRegex(@"https?://\S+/report\.(md|json)\?\S+")]
    private static partial Regex ReportLink();
}
