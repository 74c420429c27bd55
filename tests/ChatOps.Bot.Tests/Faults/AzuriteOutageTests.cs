using ChatOps.Core.Commands;
using ChatOps.Core.Decisions;
using ChatOps.Core.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace ChatOps.Bot.Tests.Faults;

/// <summary>
/// Storage goes away and comes back under a running bot (a private Azurite on disk, stopped and started on the same
/// port): commands sent meanwhile are told "storage is unavailable, try again" within 2 s, nothing is half-written,
/// and the same bot process serves again once storage is back.
/// </summary>
[Trait("Category", "Process")]
public sealed class AzuriteOutageTests : IAsyncLifetime
{
    // See StorageFaultHttpTests: the 2 s promise is checked on the retry settings; this bound catches regressions.
    private readonly string _teams = "19:outage-" + Guid.NewGuid().ToString("N") + "@thread.tacv2";
    private readonly string _slack = "COUT" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();
    private AzuriteProcess _azurite = null!;
    private ChannelHost _host = null!;

    public async Task InitializeAsync()
    {
        _azurite = await AzuriteProcess.StartNewAsync();
        _host = await ChannelHost.StartAsync("outage", _azurite.ConnectionString, ChannelHost.ProductStorageRetries);
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _azurite.DisposeAsync();
    }

    [Fact]
    public async Task StorageStoppedMidLoad_AnswersTryAgain_LeavesNothingHalfWritten_AndResumesAfterRestart()
    {
        var newTeams = "19:outage-new-" + Guid.NewGuid().ToString("N") + "@thread.tacv2";
        var newSlack = "COUTNEW" + Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();
        var teamsIncident = IncidentId(await Done(_host.SayOnTeamsAsync("declare \"Outage drill\" --systems web01", _teams)));
        var slackIncident = IncidentId(await Done(_host.SayOnSlackAsync("declare \"Outage drill\" --systems web02", _slack)));
        await Done(_host.SayOnTeamsAsync("decision \"before-1\" --because \"storage up\"", _teams));
        await Done(_host.SayOnSlackAsync("decision \"before-2\" --because \"storage up\"", _slack, isAnswer: IsDecisionAnswer));

        // Mid-load: a burst of decisions races the stop; each is either done or refused, never half-done.
        var burst = Enumerable.Range(1, 6).Select(i => _host.SayOnTeamsAsync($"decision \"burst-{i}\" --because \"racing the stop\"", _teams)).ToList();
        await _azurite.StopAsync();
        var burstAnswers = await Task.WhenAll(burst);
        var during = await Task.WhenAll(
            _host.SayOnTeamsAsync("decision \"during-1\" --because \"storage down\"", _teams),
            _host.SayOnTeamsAsync("contain add \"during-2\" --undo \"reverse it\"", _teams),
            _host.SayOnTeamsAsync("declare \"during-3\" --systems web03", newTeams),
            _host.SayOnSlackAsync("decision \"during-4\" --because \"storage down\"", _slack),
            _host.SayOnSlackAsync("contain add \"during-5\" --undo \"reverse it\"", _slack),
            _host.SayOnSlackAsync("declare \"during-6\" --systems web04", newSlack));
        await _azurite.StartAsync();
        var teamsAfter = await _host.SayOnTeamsAsync("decision \"after-1\" --because \"storage back\"", _teams);
        var slackAfter = await _host.SayOnSlackAsync("decision \"after-2\" --because \"storage back\"", _slack, isAnswer: IsDecisionAnswer);

        Assert.All(during, answer => Assert.Contains(CommandDispatcher.StorageUnavailableText, answer, StringComparison.Ordinal));
        Assert.All(burstAnswers, answer => Assert.True(
            answer.Contains("Decision recorded", StringComparison.Ordinal) || answer.Contains(CommandDispatcher.StorageUnavailableText, StringComparison.Ordinal),
            "burst answer: " + answer));
        Assert.Contains("Decision recorded", teamsAfter, StringComparison.Ordinal);
        Assert.Contains("Decision recorded", slackAfter, StringComparison.Ordinal);
        var acknowledgedBurst = Enumerable.Range(1, 6).Where(i => burstAnswers[i - 1].Contains("Decision recorded", StringComparison.Ordinal)).Select(i => $"burst-{i}");
        await AssertDecisionsExactly(ChannelHost.TeamsTenant, teamsIncident, ["before-1", .. acknowledgedBurst, "after-1"]);
        await AssertDecisionsExactly(ChannelHost.SlackTeam, slackIncident, ["before-2", "after-2"]);
        var directory = _host.Services.GetRequiredService<IIncidentDirectory>();
        Assert.Null(await directory.FindAsync(ChannelHost.TeamsChannel(newTeams)));
        Assert.Null(await directory.FindAsync(ChannelHost.SlackChannel(newSlack)));
    }

    private async Task AssertDecisionsExactly(string tenant, string incidentId, string[] expected)
    {
        var records = await _host.Services.GetRequiredService<IIncidentStore>().GetDecisionsAsync(tenant, incidentId);
        Assert.True(HashChain.Verify(records).IsIntact, $"decision chain of {incidentId} is broken");
        var marks = records.SelectMany(r => Marks(r.Payload + " " + r.Reason)).ToList();
        Assert.Equal(expected.Order(StringComparer.Ordinal), marks.Order(StringComparer.Ordinal));
        Assert.DoesNotContain(records, r => (r.Payload + r.Reason).Contains("during-", StringComparison.Ordinal));
    }

    // The decision's own answer, not a stakeholder notice posted into the same channel meanwhile.
    private static bool IsDecisionAnswer(string text) =>
        text.Contains("Decision recorded", StringComparison.Ordinal) || text.Contains(CommandDispatcher.StorageUnavailableText, StringComparison.Ordinal);

    private static IEnumerable<string> Marks(string text) =>
        System.Text.RegularExpressions.Regex.Matches(text, "(before|burst|after)-[0-9]+").Select(m => m.Value);

    private static async Task<string> Done(Task<string> answer)
    {
        var text = await answer;
        Assert.DoesNotContain(CommandDispatcher.StorageUnavailableText, text, StringComparison.Ordinal);
        return text;
    }

    private static string IncidentId(string text) =>
        System.Text.RegularExpressions.Regex.Match(text, "INC-[0-9]{4}-[0-9]{4,}").Value is { Length: > 0 } id ? id : throw new Xunit.Sdk.XunitException("no incident id in: " + text);
}
