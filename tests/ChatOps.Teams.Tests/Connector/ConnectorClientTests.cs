using System.Text.Json.Nodes;
using ChatOps.Teams.Schema;
using ChatOps.Teams.Tests.Fakes;
using ChatOps.Teams.Tests.Support;

namespace ChatOps.Teams.Tests.Connector;

/// <summary>The Connector REST calls: paths, methods, bodies and the MSAL bearer token.</summary>
public sealed class ConnectorClientTests : IAsyncLifetime
{
    private const string ThreadId = "19:6848757105754c8981c67612732d9aa7@thread.tacv2;messageid=1759881511856";
    private ConnectorHarness _harness = null!;

    public async Task InitializeAsync() => _harness = await ConnectorHarness.StartAsync();

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    [Fact]
    public async Task SendToConversationAsync_ThreadId_PostsToEscapedPathWithBotToken()
    {
        var sent = await _harness.Client.SendToConversationAsync(_harness.Connector.ServiceUrl, ThreadId, Text("hi"));

        var request = Assert.Single(_harness.Connector.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal("/amer/v3/conversations/19%3A6848757105754c8981c67612732d9aa7%40thread.tacv2%3Bmessageid%3D1759881511856/activities", request.RawTarget);
        Assert.Equal("Bearer " + FakeTokenEndpoint.TokenNumber(1), request.Authorization);
        Assert.Equal("hi", JsonNode.Parse(request.Body)!["text"]!.GetValue<string>());
        Assert.Equal("activity-1", sent.Id);
    }

    [Fact]
    public async Task SendToConversationAsync_Body_SentWithItsContentLengthNotChunked()
    {
        await _harness.Client.SendToConversationAsync(_harness.Connector.ServiceUrl, ThreadId, Text("héllo"));

        var request = Assert.Single(_harness.Connector.Requests);
        Assert.Equal(System.Text.Encoding.UTF8.GetByteCount(request.Body), request.ContentLength);
    }

    [Fact]
    public async Task ReplyToActivityAsync_PostsToActivityPath()
    {
        await _harness.Client.ReplyToActivityAsync(_harness.Connector.ServiceUrl, "a:1x", "1:abc", Text("hi"));

        var request = Assert.Single(_harness.Connector.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal("/amer/v3/conversations/a%3A1x/activities/1%3Aabc", request.RawTarget);
    }

    [Fact]
    public async Task UpdateActivityAsync_Puts()
    {
        await _harness.Client.UpdateActivityAsync(_harness.Connector.ServiceUrl, "a:1x", "1767765488332", Text("new"));

        var request = Assert.Single(_harness.Connector.Requests);
        Assert.Equal("PUT", request.Method);
        Assert.Equal("/amer/v3/conversations/a%3A1x/activities/1767765488332", request.RawTarget);
    }

    [Fact]
    public async Task CreateConversationAsync_TenantAndUser_PostsPersonalChatParameters()
    {
        var created = await _harness.Client.CreateConversationAsync(_harness.Connector.ServiceUrl, "tenant-1", "29:user");

        var request = Assert.Single(_harness.Connector.Requests);
        Assert.Equal("/amer/v3/conversations", request.RawTarget);
        var body = JsonNode.Parse(request.Body)!;
        Assert.Equal("28:" + TeamsTestEnvironment.AppId, body["bot"]!["id"]!.GetValue<string>());
        Assert.Equal("29:user", body["members"]![0]!["id"]!.GetValue<string>());
        Assert.Equal("tenant-1", body["channelData"]!["tenant"]!["id"]!.GetValue<string>());
        Assert.Equal("tenant-1", body["tenantId"]!.GetValue<string>());
        Assert.Equal("a:conversation-1", created.Id);
    }

    [Fact]
    public async Task SendToConversationAsync_TwoSends_OneTokenRequestWithClientCredentials()
    {
        await _harness.Client.SendToConversationAsync(_harness.Connector.ServiceUrl, "a:1", Text("one"));
        await _harness.Client.SendToConversationAsync(_harness.Connector.ServiceUrl, "a:1", Text("two"));

        var (tenant, form) = Assert.Single(_harness.Tokens.Requests);
        Assert.Equal("botframework.com", tenant);
        Assert.Equal("client_credentials", form["grant_type"]);
        Assert.Equal(TeamsTestEnvironment.AppId, form["client_id"]);
        Assert.Equal("https://api.botframework.com/.default", form["scope"]);
        Assert.All(_harness.Connector.Requests, r => Assert.Equal("Bearer " + FakeTokenEndpoint.TokenNumber(1), r.Authorization));
    }

    [Fact]
    public async Task SendToConversationAsync_TokenNearItsExpiry_AskedForAgainAtEachSend()
    {
        // Two minutes to live: inside MSAL's five and the provider's own margin, so neither reuses it.
        _harness.Tokens.ExpiresIn = 120;

        await _harness.Client.SendToConversationAsync(_harness.Connector.ServiceUrl, "a:1", Text("one"));
        await _harness.Client.SendToConversationAsync(_harness.Connector.ServiceUrl, "a:1", Text("two"));

        Assert.Equal(2, _harness.Tokens.Requests.Count);
        Assert.Equal(["Bearer " + FakeTokenEndpoint.TokenNumber(1), "Bearer " + FakeTokenEndpoint.TokenNumber(2)], _harness.Connector.Requests.Select(r => r.Authorization));
    }

    [Fact]
    public async Task SendToConversationAsync_400_ThrowsWithoutRetry()
    {
        _harness.Connector.Enqueue(400);

        var error = await Assert.ThrowsAsync<Teams.Connector.ConnectorRequestException>(
            () => _harness.Client.SendToConversationAsync(_harness.Connector.ServiceUrl, "a:1", Text("x")));

        Assert.Equal(System.Net.HttpStatusCode.BadRequest, error.Status);
        Assert.Single(_harness.Connector.Requests);
    }

    private static Activity Text(string text) => new() { Type = ActivityTypes.Message, Text = text };
}
