using YamlDotNet.RepresentationModel;

namespace ChatOps.Infra.Tests.Slack;

/// <summary>The Slack app manifest against the bot's Slack endpoints (MapSlackEndpoints: /api/slack/...)
/// and the scopes the code uses.</summary>
public class SlackManifestTests
{
    private static readonly YamlMappingNode Manifest = YamlFile.Load("infra", "slack", "manifest.yaml");

    [Fact]
    public void SlashCommand_Patch_PostsToCommandsEndpointWithEscapedMentions()
    {
        var command = Assert.Single(Manifest.Items("features", "slash_commands"));

        Assert.Equal("/patch", command.Text("command"));
        Assert.Equal("https://{{HOST}}/api/slack/commands", command.Text("url"));
        Assert.Equal("true", command.Text("should_escape"));
    }

    [Theory]
    [InlineData("manifest.yaml")]
    [InlineData("manifest.socket-mode.yaml")]
    public void SlashCommand_UsageHint_WritesPlaceholdersInCapitalsNotAsTags(string file)
    {
        var command = Assert.Single(YamlFile.Load("infra", "slack", file).Items("features", "slash_commands"));

        Assert.DoesNotMatch("<[A-Za-z][^>]*>", command.Text("usage_hint"));
        Assert.Contains("declare \"TITLE\"", command.Text("usage_hint"), StringComparison.Ordinal);
    }

    [Fact]
    public void Interactivity_IsEnabledOnInteractionsEndpoint()
    {
        Assert.Equal("true", Manifest.Text("settings", "interactivity", "is_enabled"));
        Assert.Equal("https://{{HOST}}/api/slack/interactions", Manifest.Text("settings", "interactivity", "request_url"));
    }

    [Fact]
    public void EventSubscriptions_AppMentionAndDirectMessages_GoToEventsEndpoint()
    {
        Assert.Equal("https://{{HOST}}/api/slack/events", Manifest.Text("settings", "event_subscriptions", "request_url"));
        Assert.Equal(["app_mention", "message.im"], Manifest.Texts("settings", "event_subscriptions", "bot_events").Order(StringComparer.Ordinal));
    }

    [Fact]
    public void BotScopes_AreExactlyTheOnesTheCodeUses()
    {
        var scopes = Manifest.Texts("oauth_config", "scopes", "bot");

        string[] expected =
        [
            "app_mentions:read", "channels:manage", "chat:write", "commands", "files:write", "groups:write",
            "im:history", "im:write", "users:read",
        ];
        Assert.Equal(expected, scopes.Order(StringComparer.Ordinal));
        Assert.Equal(scopes.Count, scopes.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void Settings_SocketModeOff_BecauseTheBotServesHttpRequestUrls()
    {
        Assert.Equal("false", Manifest.Text("settings", "socket_mode_enabled"));
        Assert.Equal("PatchBot", Manifest.Text("features", "bot_user", "display_name"));
    }

    [Fact]
    public void DisplayInformation_Lengths_AreWithinSlackLimits()
    {
        // Limits of Slack's app manifest schema (display_information, slash_commands).
        Assert.InRange(Manifest.Text("display_information", "name").Length, 1, 35);
        Assert.InRange(Manifest.Text("display_information", "description").Length, 1, 140);
        Assert.InRange(Manifest.Text("display_information", "long_description").Length, 175, 4000);
        Assert.Matches("^#[0-9a-fA-F]{6}$", Manifest.Text("display_information", "background_color"));
        var command = Manifest.Items("features", "slash_commands")[0];
        Assert.InRange(command.Text("description").Length, 1, 2000);
        Assert.InRange(command.Text("usage_hint").Length, 1, 1000);
    }

    [Fact]
    [Trait("Category", "Process")]
    public async Task Render_Host_FillsEveryRequestUrl()
    {
        var result = await ProcessRunner.RunAsync("bash", [RepositoryPaths.Of("infra", "slack", "render.sh"), "chatops.example.com"]);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.DoesNotContain("{{", result.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("\"https://chatops.example.com/api/slack/commands\"", result.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("\"https://chatops.example.com/api/slack/events\"", result.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("\"https://chatops.example.com/api/slack/interactions\"", result.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    [Trait("Category", "Process")]
    public async Task Render_UrlInsteadOfHost_FailsWithUsage()
    {
        var result = await ProcessRunner.RunAsync("bash", [RepositoryPaths.Of("infra", "slack", "render.sh"), "https://chatops.example.com"]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("bare public host name", result.StandardError, StringComparison.Ordinal);
    }
}
