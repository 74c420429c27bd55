using System.Net;

namespace ChatOps.Bot.Tests.Security;

/// <summary>Endpoints anyone can reach are rate limited per remote address (ASP.NET Core rate limiting).</summary>
public sealed class RateLimitTests
{
    [Theory]
    [InlineData("/api/gates/INC-1/P-1")]
    [InlineData("/api/incidents/INC-1/report.md?exp=1&sig=x")]
    public async Task Get_OverTheLimit_Is429WithRetryAfter(string path)
    {
        await using var factory = new BotFactory(new Dictionary<string, string?> { ["RateLimits:PermitsPerWindow"] = "2" });
        using var http = factory.CreateClient();
        (await http.GetAsync(path)).Dispose();
        (await http.GetAsync(path)).Dispose();

        using var third = await http.GetAsync(path);

        Assert.Equal(HttpStatusCode.TooManyRequests, third.StatusCode);
        Assert.NotNull(third.Headers.RetryAfter);
    }

    [Fact]
    public async Task Post_SlackOverTheLimit_Is429BeforeTheSignatureIsChecked()
    {
        await using var factory = new BotFactory(new Dictionary<string, string?> { ["RateLimits:PermitsPerWindow"] = "1" });
        using var http = factory.CreateClient();
        (await http.PostAsync("/api/slack/commands", new StringContent("text=help"))).Dispose();

        using var second = await http.PostAsync("/api/slack/commands", new StringContent("text=help"));

        Assert.Equal(HttpStatusCode.TooManyRequests, second.StatusCode);
    }

    [Fact]
    public async Task Get_HealthOverTheLimit_StillAnswers()
    {
        await using var factory = new BotFactory(new Dictionary<string, string?> { ["RateLimits:PermitsPerWindow"] = "1" });
        using var http = factory.CreateClient();
        (await http.GetAsync("/healthz")).Dispose();

        using var second = await http.GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
    }
}
