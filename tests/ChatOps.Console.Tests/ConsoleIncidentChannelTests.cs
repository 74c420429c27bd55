using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ChatOps.Bot.Console;
using ChatOps.Core.Workflow;
using ChatOps.Teams.Channels;
using Microsoft.Extensions.DependencyInjection;

namespace ChatOps.Console.Tests;

/// <summary>
/// <c>declare … --channel</c> in the keyless console (issue 22): the console's emulated team stands in for Microsoft
/// Graph, the card goes to the new channel through the connector emulation, the link to the declaring thread, and the
/// incident is bound to the new channel. Driven over HTTP like the page (no browser); storage on Azurite.
/// </summary>
[Trait("Category", "Azurite")]
public sealed class ConsoleIncidentChannelTests
{
    private const string Thread = "19:incident-response@thread.tacv2";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task DeclareWithChannel_InTheConsole_CreatesAPrivateChannelWithTheCardAndLinksItFromTheThread()
    {
        await using var bot = new ConsoleBotFactory();
        var address = bot.Start();
        using var http = new HttpClient { BaseAddress = address, Timeout = Patience };
        using var events = await http.GetAsync("/console/events", HttpCompletionOption.ResponseHeadersRead);
        using var stream = new StreamReader(await events.Content.ReadAsStreamAsync());

        using var posted = await http.PostAsJsonAsync("/api/messages", Message(address, Thread, "declare-1", "declare \"VPN: down / flapping\" --channel --members @bob"));
        var channel = (await NextAsync(stream, e => e["kind"]!.GetValue<string>() == "channel"))["channel"]!;
        var channelId = channel["id"]!.GetValue<string>();
        var card = await NextAsync(stream, e => e["conversationId"]!.GetValue<string>() == channelId);
        var link = await NextAsync(stream, e => e["conversationId"]!.GetValue<string>() == Thread && e["replyToId"]?.GetValue<string>() == "declare-1");

        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        Assert.Matches(@"^INC-\d{4}-\d{4} VPN down flapping$", channel["displayName"]!.GetValue<string>());
        Assert.Equal("private", channel["membershipType"]!.GetValue<string>());
        Assert.Equal(["29:alice", "29:bob"], channel["members"]!.AsArray().Select(m => m!.GetValue<string>()));
        Assert.Equal("29:alice", channel["declarer"]!.GetValue<string>());
        Assert.Equal("application/vnd.microsoft.card.adaptive", card["activity"]!["attachments"]![0]!["contentType"]!.GetValue<string>());
        Assert.Contains("declared in its own channel", link["activity"]!["text"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("?channel=" + Uri.EscapeDataString(channelId), link["activity"]!["text"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Status_InTheNewConsoleChannel_AnswersWithTheIncidentBoundThere()
    {
        await using var bot = new ConsoleBotFactory();
        var address = bot.Start();
        using var http = new HttpClient { BaseAddress = address, Timeout = Patience };
        using var events = await http.GetAsync("/console/events", HttpCompletionOption.ResponseHeadersRead);
        using var stream = new StreamReader(await events.Content.ReadAsStreamAsync());
        (await http.PostAsJsonAsync("/api/messages", Message(address, Thread, "declare-1", "declare \"Mail relay abused\" --channel"))).Dispose();
        var channel = (await NextAsync(stream, e => e["kind"]!.GetValue<string>() == "channel"))["channel"]!;
        var channelId = channel["id"]!.GetValue<string>();
        var incidentId = channel["displayName"]!.GetValue<string>().Split(' ')[0];

        using var status = await http.PostAsJsonAsync("/api/messages", Message(address, channelId, "status-1", "status"));
        var reply = await NextAsync(stream, e => e["conversationId"]!.GetValue<string>() == channelId && e["replyToId"]?.GetValue<string>() == "status-1");

        Assert.Equal(HttpStatusCode.OK, status.StatusCode);
        Assert.Contains(incidentId, reply["activity"]!.ToJsonString(), StringComparison.Ordinal);
        Assert.Contains("Mail relay abused", reply["activity"]!.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Provisioner_OutsideDevelopment_IsTheGraphOne()
    {
        await using var bot = new ConsoleBotFactory("Production");
        bot.Start();

        var provisioners = bot.Services.GetServices<IConversationProvisioner>().ToList();

        Assert.Contains(provisioners, p => p is TeamsIncidentChannelProvisioner);
        Assert.DoesNotContain(provisioners, p => p is ConsoleConversationProvisioner);
    }

    [Fact]
    public void Create_NameTaken_GetsTheNextSuffixAsGraphsConflictWould()
    {
        var team = new ConsoleTeam(new ConsoleFeed());

        var first = team.Create("INC-2026-0001 VPN", "d", isPrivate: false, [], "29:alice");
        var second = team.Create("INC-2026-0001 VPN", "d", isPrivate: false, [], "29:alice");

        Assert.Equal("INC-2026-0001 VPN", first.DisplayName);
        Assert.Equal("INC-2026-0001 VPN (2)", second.DisplayName);
        Assert.NotEqual(first.Id, second.Id);
    }

    [Fact]
    public void Create_StandardChannel_ListsNoMembers()
    {
        var team = new ConsoleTeam(new ConsoleFeed());

        var channel = team.Create("INC-2026-0002 Mail", "d", isPrivate: false, ["29:alice", "29:bob"], "29:alice");

        Assert.Empty(channel.Members);
        Assert.Equal("standard", channel.ToJson()["membershipType"]!.GetValue<string>());
    }

    [Fact]
    public void Rename_AKnownChannel_IsAnnouncedWithTheNewName()
    {
        var feed = new ConsoleFeed();
        var team = new ConsoleTeam(feed);
        var channel = team.Create("INC-2026-0003 DNS", "d", isPrivate: true, ["29:alice"], "29:alice");

        var renamed = team.Rename(channel.Id, TeamsChannelName.Closed(channel.DisplayName));

        Assert.True(renamed);
        Assert.Equal("[closed] INC-2026-0003 DNS", team.Find(channel.Id)!.DisplayName);
        Assert.False(team.Rename("19:unknown@thread.tacv2", "x"));
    }

    /// <summary>A channel message as the console page sends it (console-wire.js), with @bob as a mention.</summary>
    private static JsonObject Message(Uri address, string conversationId, string id, string text)
    {
        var entities = new JsonArray(Mention("28:chatops-dev", "PatchBot"));
        if (text.Contains("@bob", StringComparison.Ordinal))
        {
            entities.Add(Mention("29:bob", "Bob Baker"));
            text = text.Replace("@bob", "<at>Bob Baker</at>", StringComparison.Ordinal);
        }

        return new JsonObject
        {
            ["type"] = "message",
            ["id"] = id,
            ["serviceUrl"] = new Uri(address, "/console/connector/").AbsoluteUri,
            ["channelId"] = "msteams",
            ["from"] = new JsonObject { ["id"] = "29:alice", ["name"] = "Alice Archer", ["aadObjectId"] = "a11ce000-0000-4000-8000-000000000001" },
            ["recipient"] = new JsonObject { ["id"] = "28:chatops-dev", ["name"] = "PatchBot" },
            ["conversation"] = new JsonObject { ["id"] = conversationId, ["conversationType"] = "channel", ["isGroup"] = true, ["tenantId"] = "dev-tenant" },
            ["channelData"] = new JsonObject
            {
                ["tenant"] = new JsonObject { ["id"] = "dev-tenant" },
                ["team"] = new JsonObject { ["id"] = "19:security-team@thread.tacv2", ["name"] = "Security" },
                ["channel"] = new JsonObject { ["id"] = conversationId },
            },
            ["text"] = $"<at>PatchBot</at> {text}",
            ["entities"] = entities,
        };
    }

    private static JsonObject Mention(string id, string name) => new()
    {
        ["type"] = "mention",
        ["text"] = $"<at>{name}</at>",
        ["mentioned"] = new JsonObject { ["id"] = id, ["name"] = name },
    };

    private static async Task<JsonObject> NextAsync(StreamReader stream, Func<JsonObject, bool> wanted)
    {
        using var timeout = new CancellationTokenSource(Patience);
        while (await stream.ReadLineAsync(timeout.Token) is { } line)
        {
            if (!line.StartsWith("data: ", StringComparison.Ordinal))
                continue;
            var item = JsonNode.Parse(line["data: ".Length..])!.AsObject();
            if (item["kind"]?.GetValue<string>() != "hello" && wanted(item))
                return item;
        }

        throw new InvalidOperationException("The event stream ended before the wanted event.");
    }
}
