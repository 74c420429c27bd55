using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace ChatOps.Console.Tests;

/// <summary>
/// Only the console page itself may post into the console (issue 19, item 3): JSON only, with the page's anti-forgery
/// token, from this machine, under a loopback host name, not through a proxy or tunnel.
/// </summary>
public sealed partial class ConsoleForgeryTests
{
    [Fact]
    public async Task RecordTyped_WithThePagesToken_Is200()
    {
        await using var bot = new ConsoleBotFactory();
        using var http = new HttpClient { BaseAddress = bot.Start() };
        var token = TokenIn(await http.GetStringAsync("/"));
        using var request = Typed();
        request.Headers.Add("X-ChatOps-Antiforgery", token);

        using var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task RecordTyped_WithoutAToken_Is400()
    {
        await using var bot = new ConsoleBotFactory();
        using var http = new HttpClient { BaseAddress = bot.Start() };
        _ = await http.GetStringAsync("/");

        using var response = await http.SendAsync(Typed());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task RecordTyped_TokenWithoutThePagesCookie_Is400()
    {
        await using var bot = new ConsoleBotFactory();
        var address = bot.Start();
        using var page = new HttpClient { BaseAddress = address };
        var token = TokenIn(await page.GetStringAsync("/"));
        using var other = new HttpClient(new HttpClientHandler { UseCookies = false }) { BaseAddress = address };
        using var request = Typed();
        request.Headers.Add("X-ChatOps-Antiforgery", token);

        using var response = await other.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task RecordTyped_AsTextPlain_Is415()
    {
        await using var bot = new ConsoleBotFactory();
        using var http = new HttpClient { BaseAddress = bot.Start() };

        using var response = await http.PostAsync("/console/messages", new StringContent("""{"type":"message","conversation":{"id":"19:x"}}""", Encoding.UTF8, "text/plain"));

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
    }

    [Fact]
    public async Task ConnectorEmulation_AsForm_Is415()
    {
        await using var bot = new ConsoleBotFactory();
        using var http = new HttpClient { BaseAddress = bot.Start() };

        using var response = await http.PostAsync("/console/connector/v3/conversations/19%3Ax/activities", new FormUrlEncodedContent([new("type", "message")]));

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
    }

    [Theory]
    [InlineData("X-Forwarded-For", "203.0.113.7")]
    [InlineData("X-Forwarded-Host", "patchbot-3978.euw.devtunnels.ms")]
    [InlineData("Forwarded", "for=203.0.113.7")]
    public async Task Console_ThroughAProxy_Is404(string header, string value)
    {
        await using var bot = new ConsoleBotFactory();
        using var http = new HttpClient { BaseAddress = bot.Start() };
        using var request = new HttpRequestMessage(HttpMethod.Get, "/console/events");
        request.Headers.Add(header, value);

        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Console_UnderAPublicHostName_Is400()
    {
        // AllowedHosts is limited to loopback names in Development (DNS rebinding), answered by host filtering.
        await using var bot = new ConsoleBotFactory();
        using var http = new HttpClient { BaseAddress = bot.Start() };
        using var request = new HttpRequestMessage(HttpMethod.Get, "/");
        request.Headers.Host = "rebind.attacker.example";

        using var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Messages_KeylessThroughAProxy_Is401()
    {
        await using var bot = new ConsoleBotFactory();
        var address = bot.Start();
        using var http = new HttpClient { BaseAddress = address };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages")
        {
            Content = JsonContent.Create(new JsonObject
            {
                ["type"] = "message",
                ["channelId"] = "msteams",
                ["serviceUrl"] = new Uri(address, "/console/connector/").ToString(),
                ["conversation"] = new JsonObject { ["id"] = "19:test@thread.tacv2" },
                ["from"] = new JsonObject { ["id"] = "29:alice" },
                ["text"] = "help",
            }),
        };
        request.Headers.Add("X-Forwarded-For", "203.0.113.7");

        using var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    private static HttpRequestMessage Typed() => new(HttpMethod.Post, "/console/messages")
    {
        Content = JsonContent.Create(new JsonObject { ["type"] = "message", ["text"] = "hi", ["conversation"] = new JsonObject { ["id"] = "19:x" } }),
    };

    private static string TokenIn(string html) => MetaToken().Match(html) is { Success: true } match
        ? WebUtility.HtmlDecode(match.Groups[1].Value)
        : throw new InvalidOperationException("The page carries no anti-forgery token.");

    [GeneratedRegex("""<meta name="chatops-antiforgery" content="([^"]+)">""")]
    private static partial Regex MetaToken();
}
