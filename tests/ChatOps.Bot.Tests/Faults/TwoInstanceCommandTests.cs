using System.Net;
using System.Text.RegularExpressions;
using ChatOps.Core.Commands;
using ChatOps.Core.Decisions;
using ChatOps.Core.Decisions.Events;
using ChatOps.Core.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace ChatOps.Bot.Tests.Faults;

/// <summary>
/// Issue 18: two bot instances on one storage account, Teams and Slack commands spread over both and over the same
/// incidents at once: no acknowledged decision lost or doubled, hash chains intact.
/// </summary>
[Trait("Category", "Azurite")]
public sealed partial class TwoInstanceCommandTests : IAsyncLifetime
{
    private const int Burst = 12;
    private readonly string _prefix = "pair" + Guid.NewGuid().ToString("N")[..16];
    private ChannelHost _a = null!;
    private ChannelHost _b = null!;

    public async Task InitializeAsync()
    {
        _a = await ChannelHost.StartAsync(_prefix);
        _b = await ChannelHost.StartAsync(_prefix);
    }

    public async Task DisposeAsync()
    {
        await _a.DisposeAsync();
        await _b.DisposeAsync();
    }

    [Fact]
    public async Task SlackBurstOverTwoInstances_EveryAcknowledgedDecisionRecordedOnce()
    {
        var channel = "CPAIR" + Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();
        var incident = IncidentId(await _a.SayOnSlackAsync("declare \"Two instances\" --systems web01", channel));

        var acks = await Task.WhenAll(Enumerable.Range(1, Burst).Select(async n =>
        {
            var host = n % 2 == 0 ? _a : _b;
            using var response = await host.PostSlackAsync("/api/slack/commands",
                ChannelHost.SlashCommand($"decision \"pair-{n:D2}\" --because \"both instances\"", channel, "U1", host.Slack.ResponseUrl("pair-" + n)),
                "application/x-www-form-urlencoded");
            return (response.StatusCode, Body: await response.Content.ReadAsStringAsync());
        }));

        Assert.All(acks, a => Assert.Equal(HttpStatusCode.OK, a.StatusCode));
        Assert.All(acks, a => Assert.Contains("Working on it", a.Body, StringComparison.Ordinal));
        // Each command is worked in the background by either instance, which posts its answer once the change is committed.
        await Task.WhenAll(Enumerable.Range(1, Burst).Select(n => AnsweredAsync(channel, $"pair-{n:D2}")));
        var decided = await DecisionsAsync(ChannelHost.SlackTeam, incident);
        Assert.Equal(Enumerable.Range(1, Burst).Select(n => $"pair-{n:D2}"), decided.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task TeamsBurstOverTwoInstances_EveryDecisionAnsweredRecordedIsRecordedOnce()
    {
        var conversation = "19:pair-" + Guid.NewGuid().ToString("N") + "@thread.tacv2";
        var incident = IncidentId(await _a.SayOnTeamsAsync("declare \"Two instances\" --systems web01", conversation));

        var answers = await Task.WhenAll(Enumerable.Range(1, Burst).Select(n =>
            (n % 2 == 0 ? _a : _b).SayOnTeamsAsync($"decision \"pair-{n:D2}\" --because \"both instances\"", conversation)));

        var recorded = Enumerable.Range(1, Burst).Where(n => answers[n - 1].Contains("Decision recorded", StringComparison.Ordinal)).Select(n => $"pair-{n:D2}").ToList();
        Assert.All(answers, a => Assert.True(a.Contains("Decision recorded", StringComparison.Ordinal)
            || a.Contains("Someone else changed this incident", StringComparison.Ordinal), a));
        var decided = await DecisionsAsync(ChannelHost.TeamsTenant, incident);
        Assert.Equal(recorded.Order(StringComparer.Ordinal), decided.Order(StringComparer.Ordinal));
        Assert.NotEmpty(recorded);
    }

    /// <summary>Returns once either instance has posted in <paramref name="channel"/> about <paramref name="decision"/> (each wait times out after 30 s).</summary>
    private async Task AnsweredAsync(string channel, string decision)
    {
        bool About(string method, System.Text.Json.Nodes.JsonObject body) => method.StartsWith("chat.", StringComparison.Ordinal)
            && body["channel"]?.ToString() == channel && body.ToJsonString().Contains(decision, StringComparison.Ordinal);
        await await Task.WhenAny(_a.Slack.WaitForCallAsync(About), _b.Slack.WaitForCallAsync(About));
    }

    private async Task<List<string>> DecisionsAsync(string tenant, string incident)
    {
        var records = await _b.Services.GetRequiredService<IIncidentStore>().GetDecisionsAsync(tenant, incident);
        Assert.True(HashChain.Verify(records).IsIntact, HashChain.Verify(records).Problem);
        return [.. records.Where(r => r.Kind == DecisionNoted.EventKind).Select(r => ((DecisionNoted)EventSerializer.Deserialize(r.Kind, r.Payload)).What)];
    }

    private static string IncidentId(string text) =>
        IncidentPattern().Match(text) is { Success: true } m ? m.Value : throw new InvalidOperationException("no incident id in: " + text);

    [GeneratedRegex("INC-[0-9]{4}-[0-9]+")]
    private static partial Regex IncidentPattern();
}
