using System.Globalization;
using Microsoft.Extensions.Time.Testing;

namespace ChatOps.Bot.Tests.Slack;

/// <summary>An approval whose window ends with nobody typing: the minute worker expires it and the posted card says so.</summary>
[Trait("Category", "Azurite")]
public sealed class SlackApprovalExpiryTests : IAsyncLifetime
{
    private static readonly SlackPerson Alice = new("U0ALICE", "alice");
    private readonly FakeTimeProvider _time = new(DateTimeOffset.UtcNow);
    private SlackChannelDriver _slack = null!;

    public async Task InitializeAsync() => _slack = await SlackChannelDriver.StartAsync(_time);

    public async Task DisposeAsync() => await _slack.DisposeAsync();

    [Fact]
    public async Task WindowEnds_NoCommand_CardUpdatedToExpired()
    {
        await _slack.CommandAsync(Alice, "declare \"Exchange\" --systems mail01", "INC-");
        await _slack.CommandAsync(Alice, "patch add KB1 \"CU23\" --systems mail01 --rollback \"uninstall\"", "patch status");
        await _slack.CommandAsync(Alice, "test KB1 pass --env staging --evidence https://ci.example.org/runs/1", "Test of KB1: pass");
        await _slack.CommandAsync(Alice, "role approver <@U0BOB|bob>", "bob is now approver");
        var start = _time.GetUtcNow().AddMinutes(-5).ToString("yyyy-MM-dd'T'HH:mm'Z'", CultureInfo.InvariantCulture);
        var card = await _slack.CommandAsync(Alice, $"deploy request KB1 --window {start}/PT1H", "Waiting for approval");
        // The card is seen as the bot sends it, before the request's work item has finished (it still records where
        // the card was posted). With one worker, the answer to the next command means it has; only then may the clock
        // jump, or the jump would also fire the unfinished item's deadline.
        await _slack.CommandAsync(Alice, "status", "INC-");

        _time.Advance(TimeSpan.FromHours(1));

        var expired = await _slack.FindAsync(c => c.Method == "chat.update" && c.Text.Contains("Expired", StringComparison.Ordinal), "the expired card");
        Assert.Equal((SlackChannelDriver.ChannelId, card.Ts), (expired.Body["channel"]!.ToString(), expired.Body["ts"]!.ToString()));
        Assert.Contains("window ended", expired.Text, StringComparison.Ordinal);
        Assert.False(expired.HasButton("approval.approve"));
    }
}
