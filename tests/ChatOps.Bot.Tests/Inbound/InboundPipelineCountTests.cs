using System.Globalization;
using System.Text.Json.Nodes;
using ChatOps.Bot.Tests.Slack;
using ChatOps.Bot.Tests.Teams;

namespace ChatOps.Bot.Tests.Inbound;

/// <summary>
/// Both channels share one inbound pipeline: a typed Teams message is read by the grammar once; a Slack click has no
/// text to read. In a conversation the bot already knows, neither reads the directory (the incident is remembered,
/// <c>ConversationIncidents</c>). Counted by decorators of the host's own services.
/// </summary>
[Trait("Category", "Azurite")]
public sealed class InboundPipelineCountTests
{
    private static readonly TeamsUser Alice = new("29:alice", "Alice");
    private static readonly SlackPerson SlackAlice = new("U0ALICE", "alice");
    private static readonly SlackPerson SlackBob = new("U0BOB", "bob");

    [Fact]
    public async Task TeamsTypedCommand_ReadOnceAndIncidentRemembered()
    {
        var counts = new InboundCounts();
        await using var teams = await TeamsChannelDriver.StartAsync(services: counts.Install);
        Assert.NotEmpty(await teams.SayAsync(Alice, "declare \"Exchange ProxyShell exploitation\" --systems mail01"));
        counts.Reset();

        var replies = await teams.SayAsync(Alice, "patch add KB1 \"Exchange security update\" --systems mail01 --rollback \"Uninstall KB1\"");

        Assert.Contains("KB1", string.Join('\n', replies.Select(r => r.Shown)), StringComparison.Ordinal);
        Assert.Equal((1, 0), (counts.Parses, counts.Lookups));
    }

    [Fact]
    public async Task SlackClick_NoTextReadAndIncidentRemembered()
    {
        var counts = new InboundCounts();
        await using var slack = await SlackChannelDriver.StartAsync(services: counts.Install);
        await slack.CommandAsync(SlackAlice, "declare \"Exchange\" --systems mail01", "INC-");
        await slack.CommandAsync(SlackAlice, "patch add KB1 \"CU23\" --systems mail01 --rollback \"uninstall\"", "patch status");
        await slack.CommandAsync(SlackAlice, "test KB1 pass --env staging --evidence https://ci.example.org/runs/1", "Test of KB1: pass");
        await slack.CommandAsync(SlackAlice, "role approver <@U0BOB|bob>", "bob is now approver");
        var start = DateTimeOffset.UtcNow.AddMinutes(-5).ToString("yyyy-MM-dd'T'HH:mm'Z'", CultureInfo.InvariantCulture);
        var card = await slack.CommandAsync(SlackAlice, $"deploy request KB1 --window {start}/PT1H", "Waiting for approval");
        // With one worker, the answer to the next command means the deploy request's work item has finished.
        await slack.CommandAsync(SlackAlice, "status", "INC-");
        counts.Reset();

        await slack.ClickAsync(SlackBob, card, "approval.approve");

        var updated = await slack.NextAsync(c => c.Method == "chat.update" && c.Text.Contains("Approved", StringComparison.Ordinal), "the approved card");
        Assert.Equal(card.Ts, updated.Body["ts"]?.ToString());
        Assert.Equal((0, 0), (counts.Parses, counts.Lookups));
    }
}
