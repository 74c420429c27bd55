using YamlDotNet.RepresentationModel;

namespace ChatOps.Infra.Tests.Slack;

/// <summary>
/// infra/slack/manifest.socket-mode.yaml: the HTTP manifest (manifest.yaml) with Socket Mode on and no request URLs,
/// so an app created from it reaches a bot without a public endpoint. Field names of Slack's app manifest reference
/// (settings.socket_mode_enabled; url and request_url are optional there).
/// </summary>
public class SlackSocketModeManifestTests
{
    private static readonly YamlMappingNode Socket = YamlFile.Load("infra", "slack", "manifest.socket-mode.yaml");
    private static readonly YamlMappingNode Http = YamlFile.Load("infra", "slack", "manifest.yaml");

    [Fact]
    public void Settings_SocketModeOn_InteractivityEnabled()
    {
        Assert.Equal("true", Socket.Text("settings", "socket_mode_enabled"));
        Assert.Equal("true", Socket.Text("settings", "interactivity", "is_enabled"));
    }

    [Fact]
    public void Manifest_NoUrlFieldsAndNoHostPlaceholder()
    {
        var leaves = Leaves(Socket);

        Assert.DoesNotContain(leaves, leaf => leaf.Path.Split('.')[^1] is "url" or "request_url" or "message_menu_options_url");
        Assert.DoesNotContain(leaves, leaf => leaf.Value.Contains("http", StringComparison.OrdinalIgnoreCase) || leaf.Value.Contains("{{", StringComparison.Ordinal));
    }

    [Fact]
    public void ScopesAndEvents_SameAsTheHttpManifest()
    {
        Assert.Equal(Http.Texts("oauth_config", "scopes", "bot").Order(StringComparer.Ordinal), Socket.Texts("oauth_config", "scopes", "bot").Order(StringComparer.Ordinal));
        Assert.Equal(Http.Texts("settings", "event_subscriptions", "bot_events").Order(StringComparer.Ordinal), Socket.Texts("settings", "event_subscriptions", "bot_events").Order(StringComparer.Ordinal));
        Assert.Equal(["app_mention", "message.im"], Socket.Texts("settings", "event_subscriptions", "bot_events").Order(StringComparer.Ordinal));
    }

    [Fact]
    public void EverythingElse_SameAsTheHttpManifest_OnlyUrlsAndSocketModeDiffer()
    {
        // Slash command (name, hint, escaping), shortcuts if any, interactivity, app home, bot user, display information.
        static bool Delivery((string Path, string Value) leaf) =>
            leaf.Path.Split('.')[^1] is "url" or "request_url" || leaf.Path == "settings.socket_mode_enabled";

        var http = Leaves(Http).Where(leaf => !Delivery(leaf)).ToList();
        var socket = Leaves(Socket).Where(leaf => !Delivery(leaf)).ToList();

        Assert.Equal(http, socket);
        Assert.Equal("/patch", Assert.Single(Socket.Items("features", "slash_commands")).Text("command"));
        Assert.Equal("true", Socket.Items("features", "slash_commands")[0].Text("should_escape"));
    }

    /// <summary>Every scalar of the document with its dotted path (sequence items by index), in document order.</summary>
    private static List<(string Path, string Value)> Leaves(YamlNode node, string path = "")
    {
        switch (node)
        {
            case YamlMappingNode mapping:
                return [.. mapping.Children.SelectMany(child => Leaves(child.Value, Join(path, ((YamlScalarNode)child.Key).Value!)))];
            case YamlSequenceNode sequence:
                return [.. sequence.Children.SelectMany((item, index) => Leaves(item, Join(path, index.ToString(System.Globalization.CultureInfo.InvariantCulture))))];
            default:
                return [(path, ((YamlScalarNode)node).Value ?? string.Empty)];
        }
    }

    private static string Join(string path, string key) => path.Length == 0 ? key : path + "." + key;
}
