using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace ChatOps.Console.Tests;

/// <summary>The console and its connector emulation exist only in Development and only for loopback callers.</summary>
[Trait("Category", "Azurite")]
public sealed class ConsoleAccessTests
{
    [Theory]
    [InlineData("/")]
    [InlineData("/console/assets/console.js")]
    [InlineData("/console/events")]
    public async Task Console_InDevelopmentOnLoopback_IsServed(string path)
    {
        await using var bot = new ConsoleBotFactory();
        using var http = new HttpClient { BaseAddress = bot.Start() };

        using var response = await http.GetAsync(path, HttpCompletionOption.ResponseHeadersRead);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/console/assets/console.js")]
    [InlineData("/console/events")]
    public async Task Console_InProduction_Is404(string path)
    {
        await using var bot = new ConsoleBotFactory("Production");
        using var http = new HttpClient { BaseAddress = bot.Start() };

        using var response = await http.GetAsync(path, HttpCompletionOption.ResponseHeadersRead);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task ConnectorEmulation_InProduction_Is404()
    {
        await using var bot = new ConsoleBotFactory("Production");
        using var http = new HttpClient { BaseAddress = bot.Start() };

        using var response = await http.PostAsJsonAsync("/console/connector/v3/conversations/19%3Ax/activities", new JsonObject { ["type"] = "message", ["text"] = "hi" });

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Console_FromANonLoopbackClient_Is404()
    {
        // The in-memory test server reports no loopback remote address, as a caller from another machine would.
        await using var bot = new InMemoryDevelopmentFactory();
        using var http = bot.CreateClient();

        using var page = await http.GetAsync("/");
        using var connector = await http.PostAsJsonAsync("/console/connector/v3/conversations/19%3Ax/activities", new JsonObject { ["type"] = "message" });

        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, connector.StatusCode);
    }

    [Fact]
    public async Task Renderer_CopiedFromNodeModulesAtBuild_IsServed()
    {
        await using var bot = new ConsoleBotFactory();
        using var http = new HttpClient { BaseAddress = bot.Start() };

        var script = await http.GetStringAsync("/console/assets/adaptivecards.min.js");

        Assert.Contains("AdaptiveCards", script, StringComparison.Ordinal);
    }
}
