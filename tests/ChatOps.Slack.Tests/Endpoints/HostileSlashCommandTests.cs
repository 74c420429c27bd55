using ChatOps.Testing;

namespace ChatOps.Slack.Tests.Endpoints;

/// <summary>
/// Seeded hostile command text (see <see cref="HostileCommands"/>) at Slack's front door. The oracle is the HTTP
/// contract, not the parser: a signed slash command is never answered with a 5xx, whatever its text.
/// </summary>
public sealed class HostileSlashCommandTests
{
    private const int Seed = 20261206;

    [Fact]
    public async Task PostCommand_HostileText_NeverAnswered5xx()
    {
        await using var host = await SlackTestHost.StartAsync();

        foreach (var (text, index) in HostileCommands.Generate(Seed, 1000).Select((t, i) => (t, i)))
        {
            using var response = await host.PostFormAsync("/api/slack/commands", SlackPayloads.SlashCommand(text, triggerId: "t" + index));

            Assert.True((int)response.StatusCode < 500, $"input #{index} (seed {Seed}) got {(int)response.StatusCode}");
        }
    }
}
