using System.Text.Json.Nodes;
using ChatOps.Core.Commands.Grammar;

namespace ChatOps.Infra.Tests.Teams;

public class TeamsManifestTests
{
    private static readonly JsonObject Manifest =
        JsonNode.Parse(RepositoryPaths.ReadText("infra", "teams", "manifest.json"))!.AsObject();

    [Fact]
    public void Manifest_SchemaAndVersion_AreTheCurrentGeneralAvailabilityOnes()
    {
        var version = (string)Manifest["manifestVersion"]!;

        Assert.Equal("1.30", version);
        Assert.Equal($"https://developer.microsoft.com/json-schemas/teams/v{version}/MicrosoftTeams.schema.json", (string)Manifest["$schema"]!);
        Assert.Matches(@"^\d+\.\d+\.\d+$", (string)Manifest["version"]!);
    }

    [Fact]
    public void Manifest_RequiredFields_ArePresent()
    {
        Assert.Equal("{{MicrosoftAppId}}", (string)Manifest["id"]!);
        Assert.False(string.IsNullOrWhiteSpace((string?)Manifest["developer"]?["name"]));
        foreach (var url in new[] { "websiteUrl", "privacyUrl", "termsOfUseUrl" })
        {
            Assert.NotNull((string?)Manifest["developer"]?[url]);
        }

        var shortName = (string)Manifest["name"]!["short"]!;
        Assert.InRange(shortName.Length, 1, 30);
        Assert.InRange(((string)Manifest["description"]!["short"]!).Length, 1, 80);
        Assert.InRange(((string)Manifest["description"]!["full"]!).Length, 1, 4000);
        Assert.Equal("color.png", (string)Manifest["icons"]!["color"]!);
        Assert.Equal("outline.png", (string)Manifest["icons"]!["outline"]!);
        Assert.Matches("^#[0-9A-Fa-f]{6}$", (string)Manifest["accentColor"]!);
        Assert.Equal(["{{HOST}}"], Manifest["validDomains"]!.AsArray().Select(domain => (string)domain!));
    }

    [Fact]
    public void Bot_IdAndScopes_AreTheBotRegistrationInEveryScope()
    {
        var bot = Assert.Single(Manifest["bots"]!.AsArray())!;

        Assert.Equal("{{MicrosoftAppId}}", (string)bot["botId"]!);
        Assert.Equal(["team", "groupChat", "personal"], bot["scopes"]!.AsArray().Select(scope => (string)scope!));
    }

    [Fact]
    public void CommandList_Commands_AreGrammarVerbsWithinTeamsLimits()
    {
        // The grammar's own definitions (help and the parser are generated from them).
        var grammar = CommandCatalog.All.Select(definition => definition.Words[0]).ToHashSet(StringComparer.Ordinal);
        var list = Assert.Single(Manifest["bots"]![0]!["commandLists"]!.AsArray())!;

        var commands = list["commands"]!.AsArray().Select(command => command!).ToList();

        // Manifest 1.24 raised the limit from 10 to 12 commands per list.
        Assert.InRange(commands.Count, 1, 12);
        Assert.Contains("help", commands.Select(command => (string)command["title"]!));
        Assert.Equal(commands.Count, commands.Select(command => (string)command["title"]!).Distinct(StringComparer.Ordinal).Count());
        foreach (var command in commands)
        {
            var title = (string)command["title"]!;
            Assert.True(grammar.Contains(title), $"'{title}' is not a top-level verb of CommandCatalog.");
            Assert.InRange(title.Length, 1, 32);
            Assert.InRange(((string)command["description"]!).Length, 1, 128);
        }
    }

    [Fact]
    public void CommandList_Descriptions_WritePlaceholdersInCapitalsNotAsTags()
    {
        // The grammar's usage writes "TITLE", never <title>: a renderer that strips HTML-like tags shows declare "".
        var descriptions = Manifest["bots"]![0]!["commandLists"]![0]!["commands"]!.AsArray().Select(c => (string)c!["description"]!);

        Assert.All(descriptions, d => Assert.DoesNotMatch("<[A-Za-z][^>]*>", d));
        Assert.Contains(descriptions, d => d.Contains("declare \"TITLE\"", StringComparison.Ordinal));
    }

    [Fact]
    public void CommandList_Scopes_MatchTheBotScopes()
    {
        var bot = Manifest["bots"]![0]!;

        var listScopes = bot["commandLists"]![0]!["scopes"]!.AsArray().Select(scope => (string)scope!);

        Assert.Equal(bot["scopes"]!.AsArray().Select(scope => (string)scope!), listScopes);
    }

    [Fact]
    public void ResourceSpecificPermissions_AreTheOnesGraphNamesForIncidentChannels()
    {
        // learn.microsoft.com/graph/api/channel-post (Channel.Create.Group) and channel-patch / channel-get
        // (ChannelSettings.ReadWrite.Group): the least-privileged application permissions, granted per team on install.
        var permissions = Manifest["authorization"]!["permissions"]!["resourceSpecific"]!.AsArray()
            .Select(p => ((string)p!["name"]!, (string)p["type"]!));

        Assert.Equal([("Channel.Create.Group", "Application"), ("ChannelSettings.ReadWrite.Group", "Application")], permissions);
    }

    [Fact]
    public void WebApplicationInfo_IsTheBotsOwnAppRegistration()
    {
        // Resource-specific consent is granted to this app id; the bot's MSAL client credentials use the same one.
        Assert.Equal("{{MicrosoftAppId}}", (string)Manifest["webApplicationInfo"]!["id"]!);
        Assert.False(string.IsNullOrWhiteSpace((string?)Manifest["webApplicationInfo"]!["resource"]));
    }

    [Fact]
    public void ConnectGuide_ListsEveryResourceSpecificPermission()
    {
        var guide = RepositoryPaths.ReadText("docs", "CONNECT.md");

        foreach (var permission in Manifest["authorization"]!["permissions"]!["resourceSpecific"]!.AsArray())
        {
            Assert.Contains((string)permission!["name"]!, guide, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("color.png", 192)]
    [InlineData("outline.png", 32)]
    public void Icon_Size_IsWhatTeamsRequires(string file, int size)
    {
        var icon = PngImage.Read(File.ReadAllBytes(RepositoryPaths.Of("infra", "teams", file)));

        Assert.Equal((size, size), (icon.Width, icon.Height));
    }

    [Fact]
    public void OutlineIcon_Pixels_AreWhiteOrTransparent()
    {
        var icon = PngImage.Read(File.ReadAllBytes(RepositoryPaths.Of("infra", "teams", "outline.png")));

        var pixels = Enumerable.Range(0, icon.Height)
            .SelectMany(y => Enumerable.Range(0, icon.Width).Select(x => icon.Pixel(x, y))).ToList();

        Assert.All(pixels.Where(pixel => pixel.A > 0), pixel => Assert.Equal((255, 255, 255), (pixel.R, pixel.G, pixel.B)));
        Assert.Contains(pixels, pixel => pixel.A == 0);
        Assert.Contains(pixels, pixel => pixel.A == 255);
    }
}
