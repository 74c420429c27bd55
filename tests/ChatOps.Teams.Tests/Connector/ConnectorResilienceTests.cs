using ChatOps.Teams.Schema;
using ChatOps.Teams.Tests.Support;

namespace ChatOps.Teams.Tests.Connector;

/// <summary>Throttling and transient failures at the Connector (msteams-docs rate-limit.md).</summary>
public sealed class ConnectorResilienceTests : IAsyncLifetime
{
    private ConnectorHarness _harness = null!;

    public async Task InitializeAsync() => _harness = await ConnectorHarness.StartAsync();

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    [Fact]
    public async Task SendToConversationAsync_429WithRetryAfter_WaitsThenSucceeds()
    {
        _harness.Connector.Enqueue(429, retryAfter: "2");

        var sent = await _harness.Client.SendToConversationAsync(_harness.Connector.ServiceUrl, "a:1", Text());

        Assert.Equal("activity-1", sent.Id);
        var requests = _harness.Connector.Requests;
        Assert.Equal(2, requests.Count);
        // The configured back-off is 50 ms, so a gap near 2 s can only come from Retry-After.
        Assert.True(requests[1].ReceivedAt - requests[0].ReceivedAt >= TimeSpan.FromSeconds(1.8), $"retried after {requests[1].ReceivedAt - requests[0].ReceivedAt}");
    }

    [Theory]
    [InlineData(503)]
    [InlineData(502)]
    [InlineData(504)]
    [InlineData(412)]
    public async Task SendToConversationAsync_TransientStatusTwice_RetriedUntilSuccess(int status)
    {
        _harness.Connector.Enqueue(status);
        _harness.Connector.Enqueue(status);

        var sent = await _harness.Client.SendToConversationAsync(_harness.Connector.ServiceUrl, "a:1", Text());

        Assert.Equal("activity-1", sent.Id);
        Assert.Equal(3, _harness.Connector.Requests.Count);
    }

    [Fact]
    public async Task SendToConversationAsync_503Persisting_GivesUpWithError()
    {
        for (var i = 0; i < 10; i++)
            _harness.Connector.Enqueue(503);

        var error = await Assert.ThrowsAsync<Teams.Connector.ConnectorRequestException>(
            () => _harness.Client.SendToConversationAsync(_harness.Connector.ServiceUrl, "a:1", Text()));

        Assert.Equal(System.Net.HttpStatusCode.ServiceUnavailable, error.Status);
        Assert.Equal(5, _harness.Connector.Requests.Count);
    }

    [Fact]
    public async Task SendToConversationAsync_MoreSendsThanPerSecondLimit_ExtraOnesWaitForLaterWindows()
    {
        await using var harness = await ConnectorHarness.StartAsync(s => s["Teams:ConversationSendsPerSecond"] = "2");

        await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => harness.Client.SendToConversationAsync(harness.Connector.ServiceUrl, "a:busy", Text())));

        var busy = harness.Connector.Requests.Select(r => r.ReceivedAt).Order().ToList();
        Assert.Equal(5, busy.Count);
        // 2 per second: the 5th send needs the third window, so it lands well over a second after the first.
        Assert.True(busy[4] - busy[0] >= TimeSpan.FromSeconds(1.2), $"5 sends within {busy[4] - busy[0]}");
    }

    [Fact]
    public async Task SendAndCreate_MoreCallsThanTenantLimitAcrossConversations_ExtraOneWaitsForTheNextSecond()
    {
        await using var harness = await ConnectorHarness.StartAsync(s => s["Teams:TenantRequestsPerSecond"] = "2");
        var url = harness.Connector.ServiceUrl;

        await Task.WhenAll(
            harness.Client.SendToConversationAsync(url, "a:1", Text("tenant-1")),
            harness.Client.CreateConversationAsync(url, "tenant-1", "29:user"),
            harness.Client.SendToConversationAsync(url, "a:3", Text("tenant-1")));

        // Two calls per second for the tenant (a send and a create alike), so its third call waits for the next second.
        var arrivals = harness.Connector.Requests.Select(r => r.ReceivedAt).Order().ToList();
        Assert.Equal(3, arrivals.Count);
        Assert.True(arrivals[2] - arrivals[0] >= TimeSpan.FromSeconds(0.9), $"3 calls within {arrivals[2] - arrivals[0]}");
    }

    private static Activity Text(string? tenantId = null) => new()
    {
        Type = ActivityTypes.Message,
        Text = "x",
        Conversation = tenantId is null ? null : new ConversationAccount { TenantId = tenantId },
    };
}
