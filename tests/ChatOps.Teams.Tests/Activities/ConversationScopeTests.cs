using System.Net;
using System.Text.Json.Nodes;
using ChatOps.Teams.Tests.Support;

namespace ChatOps.Teams.Tests.Activities;

/// <summary>Messages from each Teams scope map to the right conversation key and get their reply there.</summary>
public sealed class ConversationScopeTests : IAsyncLifetime
{
    private TeamsTestEnvironment _env = null!;

    public async Task InitializeAsync() => _env = await TeamsTestEnvironment.StartAsync();

    public async Task DisposeAsync() => await _env.DisposeAsync();

    [Theory]
    [InlineData("channel", "19:abc@thread.tacv2;messageid=1759881511856", "19:abc@thread.tacv2")]
    [InlineData("groupChat", "19:meeting_group@thread.v2", "19:meeting_group@thread.v2")]
    [InlineData("personal", "a:1personalChatId", "a:1personalChatId")]
    public async Task Post_MessageInScope_KeyAndReplyTarget(string scope, string conversationId, string expectedKey)
    {
        var activity = _env.Fixture("teams-message-channel-mention.json");
        activity["conversation"] = new JsonObject
        {
            ["id"] = conversationId,
            ["conversationType"] = scope,
            ["tenantId"] = "50612dbb-0237-4969-b378-8d42590f9c00",
        };
        activity["text"] = scope == "personal" ? "status" : "<at>ridotest</at> status";

        using var response = await _env.PostAsync(activity, _env.Token());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var command = Assert.Single(_env.Host.Dispatcher.Commands);
        Assert.Equal(expectedKey, command.Conversation.ConversationId);
        Assert.Equal("status", command.Text);
        var reply = Assert.Single(await _env.Connector.WaitForRequestsAsync(1));
        Assert.Equal($"/amer/v3/conversations/{Uri.EscapeDataString(conversationId)}/activities/1759944781430", reply.RawTarget);
    }

    [Fact]
    public async Task Post_MessageWithoutTenant_Returns400()
    {
        var activity = _env.Fixture("teams-message-channel-mention.json");
        activity["conversation"]!.AsObject().Remove("tenantId");
        activity.Remove("channelData");

        using var response = await _env.PostAsync(activity, _env.Token());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(_env.Host.Dispatcher.Commands);
    }
}
