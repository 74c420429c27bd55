using System.Text.RegularExpressions;

namespace ChatOps.Infra.Tests.Slack;

/// <summary>
/// "Every bot scope the code uses and no more": the Web API methods named in bot/ChatOps.Slack/Api and the
/// inbound features the bot serves determine the scopes; the manifest must request exactly those.
/// Scopes per method as listed on each method's page in Slack's API reference (docs.slack.dev/reference/methods).
/// </summary>
public partial class SlackScopeLintTests
{
    private static readonly Dictionary<string, string[]> ScopesByMethod = new(StringComparer.Ordinal)
    {
        ["chat.postMessage"] = ["chat:write"],
        ["chat.postEphemeral"] = ["chat:write"],
        ["chat.update"] = ["chat:write"],
        // Public incident channels need channels:manage, private ones groups:write.
        ["conversations.create"] = ["channels:manage", "groups:write"],
        ["conversations.invite"] = ["channels:manage", "groups:write"],
        ["conversations.open"] = ["im:write"],
        ["users.info"] = ["users:read"],
        ["files.getUploadURLExternal"] = ["files:write"],
        ["files.completeUploadExternal"] = ["files:write"],
        ["views.open"] = [],
        ["views.update"] = [],
        // Socket Mode: called with the app-level token (xapp-…, scope connections:write), which is not a bot scope.
        ["apps.connections.open"] = [],
    };

    // The slash command, app_mention events and message.im events.
    private static readonly string[] InboundScopes = ["commands", "app_mentions:read", "im:history"];

    [Theory]
    [InlineData("manifest.yaml")]
    [InlineData("manifest.socket-mode.yaml")]
    public void ManifestScopes_AreExactlyWhatTheSlackCodeCalls(string manifestFile)
    {
        var methods = WebApiMethodsInCode();

        Assert.NotEmpty(methods);
        var unknown = methods.Where(method => !ScopesByMethod.ContainsKey(method)).ToList();
        Assert.True(unknown.Count == 0, $"Add the scopes of {string.Join(", ", unknown)} to this table and to infra/slack/{manifestFile}.");
        var needed = methods.SelectMany(method => ScopesByMethod[method]).Concat(InboundScopes).ToHashSet(StringComparer.Ordinal);
        var manifest = YamlFile.Load("infra", "slack", manifestFile).Texts("oauth_config", "scopes", "bot");
        Assert.Equal(needed.Order(StringComparer.Ordinal), manifest.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("manifest.yaml")]
    [InlineData("manifest.socket-mode.yaml")]
    public void ManifestEvents_AreTheEventsTheSlackCodeHandles(string manifestFile)
    {
        var code = string.Join('\n', Directory.EnumerateFiles(RepositoryPaths.Of("bot", "ChatOps.Slack"), "*.cs", SearchOption.AllDirectories)
            .Where(file => !file.Contains("/obj/", StringComparison.Ordinal)).Select(File.ReadAllText));

        var events = YamlFile.Load("infra", "slack", manifestFile).Texts("settings", "event_subscriptions", "bot_events");

        Assert.Contains("\"app_mention\"", code, StringComparison.Ordinal);
        Assert.Contains("\"im\"", code, StringComparison.Ordinal);
        Assert.Equal(["app_mention", "message.im"], events.Order(StringComparer.Ordinal));
    }

    private static List<string> WebApiMethodsInCode() =>
        Directory.EnumerateFiles(RepositoryPaths.Of("bot", "ChatOps.Slack", "Api"), "*.cs")
            .SelectMany(file => MethodLiteral().Matches(File.ReadAllText(file)).Select(match => match.Groups[1].Value))
            .Distinct(StringComparer.Ordinal)
            .ToList();

    [GeneratedRegex("\"((?:chat|conversations|users|files|views|reactions|pins|auth|team|usergroups|bookmarks|reminders|apps|dnd|emoji|search|im|channels|groups)\\.[A-Za-z.]+)\"")]
    private static partial Regex MethodLiteral();
}
