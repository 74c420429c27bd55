using System.Net;
using ChatOps.Teams.Connector;
using ChatOps.Teams.Schema;
using ChatOps.Teams.Tests.Support;

namespace ChatOps.Teams.Tests.Connector;

/// <summary>The bot sends its connector token only to an allowed serviceUrl host, over https outside Development.</summary>
public sealed class ServiceUrlAllowListTests
{
    [Fact]
    public async Task SendToConversationAsync_HostNotAllowed_RefusedWithoutARequest()
    {
        await using var harness = await ConnectorHarness.StartAsync(s => s["Teams:ServiceUrlHosts:0"] = "smba.trafficmanager.net");

        var refused = await Assert.ThrowsAsync<ConnectorRequestException>(() =>
            harness.Client.SendToConversationAsync(harness.Connector.ServiceUrl, "a:1x", new Activity { Type = "message", Text = "hi" }));

        Assert.Equal(HttpStatusCode.Forbidden, refused.Status);
        Assert.Empty(harness.Connector.Requests);
    }

    [Fact]
    public async Task SendToConversationAsync_HttpWhileHttpsRequired_RefusedWithoutARequest()
    {
        await using var harness = await ConnectorHarness.StartAsync(s => s["Teams:RequireHttpsServiceUrl"] = "true");

        await Assert.ThrowsAsync<ConnectorRequestException>(() =>
            harness.Client.SendToConversationAsync(harness.Connector.ServiceUrl, "a:1x", new Activity { Type = "message", Text = "hi" }));

        Assert.Empty(harness.Connector.Requests);
    }

    [Theory]
    [InlineData("https://smba.trafficmanager.net/amer/", true)]
    [InlineData("https://europe.webchat.botframework.com/", true)]
    [InlineData("https://botframework.com.attacker.example/", false)]
    [InlineData("https://attacker.example/botframework.com/", false)]
    [InlineData("http://smba.trafficmanager.net/amer/", false)]
    public void IsAllowed_DefaultHosts_OnlyBotFrameworkOverHttps(string url, bool expected)
    {
        var policy = new ServiceUrlPolicy(Microsoft.Extensions.Options.Options.Create(new ChatOps.Teams.Options.TeamsChannelOptions()));

        var allowed = policy.IsAllowed(new Uri(url), withToken: true);

        Assert.Equal(expected, allowed);
    }

    [Fact]
    public void IsAllowed_NoTokenToARemoteHost_False()
    {
        var policy = new ServiceUrlPolicy(Microsoft.Extensions.Options.Options.Create(new ChatOps.Teams.Options.TeamsChannelOptions()));

        var allowed = policy.IsAllowed(new Uri("https://smba.trafficmanager.net/amer/"), withToken: false);

        Assert.False(allowed);
    }
}
