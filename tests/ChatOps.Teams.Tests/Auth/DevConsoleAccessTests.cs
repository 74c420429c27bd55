using System.Net;
using System.Net.Http.Json;
using ChatOps.Teams.Auth;
using ChatOps.Teams.Tests.Fakes;
using ChatOps.Teams.Tests.Support;
using Microsoft.Extensions.Logging;

namespace ChatOps.Teams.Tests.Auth;

/// <summary>Without MicrosoftAppId only the dev console (Development, loopback) may post, and the log says so.</summary>
public sealed class DevConsoleAccessTests
{
    [Fact]
    public async Task Post_NoAppIdInDevelopmentFromLoopback_AcceptedAndRepliedWithoutToken()
    {
        await using var connector = await FakeConnector.StartAsync();
        await using var host = await TeamsHost.StartAsync(NoAppId(), "Development");
        var activity = TestData.Load("teams-message-channel-mention.json");
        activity["serviceUrl"] = connector.ServiceUrl.ToString();

        using var response = await host.Client.PostAsJsonAsync("api/messages", activity);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var reply = Assert.Single(await connector.WaitForRequestsAsync(1));
        Assert.Equal(string.Empty, reply.Authorization);
    }

    [Fact]
    public async Task Start_NoAppIdInDevelopment_LogsAnonymousWarning()
    {
        await using var host = await TeamsHost.StartAsync(NoAppId(), "Development");

        var warning = Assert.Single(host.Logs.GetSnapshot(), r => r.Level == LogLevel.Warning);
        Assert.Contains("no MicrosoftAppId", warning.Message, StringComparison.Ordinal);
        Assert.Contains("loopback", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_NoAppIdOutsideDevelopment_Returns401()
    {
        await using var host = await TeamsHost.StartAsync(NoAppId(), "Production");
        var activity = TestData.Load("teams-message-channel-mention.json");
        activity["serviceUrl"] = "http://127.0.0.1:9/amer/";

        using var response = await host.Client.PostAsJsonAsync("api/messages", activity);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(host.Dispatcher.Commands);
    }

    [Fact]
    public async Task Post_NoAppIdInDevelopmentWithRemoteServiceUrl_Returns403()
    {
        await using var host = await TeamsHost.StartAsync(NoAppId(), "Development");
        var activity = TestData.Load("teams-message-channel-mention.json");

        using var response = await host.Client.PostAsJsonAsync("api/messages", activity);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Empty(host.Dispatcher.Commands);
    }

    [Theory]
    [InlineData("X-Forwarded-For", "203.0.113.7")]
    [InlineData("X-Forwarded-Host", "patchbot-3978.euw.devtunnels.ms")]
    [InlineData("Forwarded", "for=203.0.113.7;proto=https")]
    public async Task Post_NoAppIdThroughAProxy_Returns401(string header, string value)
    {
        await using var host = await TeamsHost.StartAsync(NoAppId(), "Development");
        using var request = LocalActivity();
        request.Headers.Add(header, value);

        using var response = await host.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(host.Dispatcher.Commands);
    }

    [Fact]
    public async Task Post_NoAppIdWithAPublicHostHeader_Returns401()
    {
        await using var host = await TeamsHost.StartAsync(NoAppId(), "Development");
        using var request = LocalActivity();
        request.Headers.Host = "patchbot-3978.euw.devtunnels.ms";

        using var response = await host.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(host.Dispatcher.Commands);
    }

    [Theory]
    [InlineData("localhost", true)]
    [InlineData("127.0.0.1", true)]
    [InlineData("[::1]", true)]
    [InlineData("patchbot.devtunnels.ms", false)]
    [InlineData("localhost.attacker.example", false)]
    [InlineData("", false)]
    public void IsLoopbackHost_HostName_OnlyLoopbackNames(string host, bool expected)
    {
        var loopback = LocalRequest.IsLoopbackHost(host);

        Assert.Equal(expected, loopback);
    }

    private static HttpRequestMessage LocalActivity()
    {
        var activity = TestData.Load("teams-message-channel-mention.json");
        activity["serviceUrl"] = "http://127.0.0.1:9/amer/";
        return new HttpRequestMessage(HttpMethod.Post, "api/messages") { Content = JsonContent.Create(activity) };
    }

    private static Dictionary<string, string?> NoAppId() => new() { ["Teams:ConnectorRetryDelay"] = "00:00:00.050" };
}
