using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace ChatOps.Console.Tests;

/// <summary>
/// The console's path through the real Teams channel: an activity at /api/messages naming the console's connector
/// emulation as serviceUrl is answered there, and the answer reaches /console/events.
/// </summary>
public sealed class ConnectorEmulationTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Help_FromAConsolePersona_ReplyArrivesOnTheEventStream()
    {
        await using var bot = new ConsoleBotFactory();
        var address = bot.Start();
        using var http = new HttpClient { BaseAddress = address, Timeout = Patience };
        using var events = await http.GetAsync("/console/events", HttpCompletionOption.ResponseHeadersRead);
        using var stream = new StreamReader(await events.Content.ReadAsStreamAsync());

        using var posted = await http.PostAsJsonAsync("/api/messages", Message(address, "help"));
        var reply = await NextBotActivityAsync(stream);

        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        Assert.Equal("19:test@thread.tacv2", reply["conversationId"]!.GetValue<string>());
        Assert.Equal("console-help-1", reply["replyToId"]!.GetValue<string>());
        Assert.Equal("28:chatops-dev", reply["activity"]!["from"]!["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task Update_OfAnUnknownActivity_Is404()
    {
        await using var bot = new ConsoleBotFactory();
        using var http = new HttpClient { BaseAddress = bot.Start() };

        using var response = await http.PutAsJsonAsync("/console/connector/v3/conversations/19%3Ax/activities/nope", new JsonObject { ["type"] = "message" });

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task CreateConversation_ForAUser_ReturnsThePersonalChatTheConsoleShows()
    {
        await using var bot = new ConsoleBotFactory();
        using var http = new HttpClient { BaseAddress = bot.Start() };
        var parameters = new JsonObject { ["isGroup"] = false, ["members"] = new JsonArray(new JsonObject { ["id"] = "29:carol" }), ["tenantId"] = "dev-tenant" };

        using var response = await http.PostAsJsonAsync("/console/connector/v3/conversations", parameters);
        var body = await response.Content.ReadFromJsonAsync<JsonObject>();

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("a:console-1on1-29:carol", body!["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task Activity_WithoutAType_Is400()
    {
        await using var bot = new ConsoleBotFactory();
        using var http = new HttpClient { BaseAddress = bot.Start() };

        using var response = await http.PostAsJsonAsync("/console/connector/v3/conversations/19%3Ax/activities", new JsonObject { ["text"] = "no type" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task CreateConversation_WithANonStringMemberId_Is400()
    {
        await using var bot = new ConsoleBotFactory();
        using var http = new HttpClient { BaseAddress = bot.Start() };
        var parameters = new JsonObject { ["members"] = new JsonArray(new JsonObject { ["id"] = 42 }) };

        using var response = await http.PostAsJsonAsync("/console/connector/v3/conversations", parameters);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    private static JsonObject Message(Uri address, string text) => new()
    {
        ["type"] = "message",
        ["id"] = "console-help-1",
        ["serviceUrl"] = new Uri(address, "/console/connector/").AbsoluteUri,
        ["channelId"] = "msteams",
        ["from"] = new JsonObject { ["id"] = "29:alice", ["name"] = "Alice Archer" },
        ["recipient"] = new JsonObject { ["id"] = "28:chatops-dev", ["name"] = "PatchBot" },
        ["conversation"] = new JsonObject { ["id"] = "19:test@thread.tacv2", ["conversationType"] = "channel", ["tenantId"] = "dev-tenant" },
        ["text"] = $"<at>PatchBot</at> {text}",
        ["entities"] = new JsonArray(new JsonObject
        {
            ["type"] = "mention",
            ["text"] = "<at>PatchBot</at>",
            ["mentioned"] = new JsonObject { ["id"] = "28:chatops-dev", ["name"] = "PatchBot" },
        }),
    };

    private static async Task<JsonObject> NextBotActivityAsync(StreamReader stream)
    {
        using var timeout = new CancellationTokenSource(Patience);
        while (await stream.ReadLineAsync(timeout.Token) is { } line)
        {
            if (!line.StartsWith("data: ", StringComparison.Ordinal))
                continue;
            var item = JsonNode.Parse(line["data: ".Length..])!.AsObject();
            if (item["activity"]?["from"]?["id"]?.GetValue<string>() == "28:chatops-dev")
                return item;
        }

        throw new InvalidOperationException("The event stream ended without a bot activity.");
    }
}
