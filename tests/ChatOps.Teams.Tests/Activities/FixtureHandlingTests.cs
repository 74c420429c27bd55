using System.Net;
using System.Text.Json.Nodes;
using ChatOps.Teams.Tests.Support;

namespace ChatOps.Teams.Tests.Activities;

/// <summary>Every inbound fixture, signed and posted to the real endpoint, is handled as its type requires.</summary>
public sealed class FixtureHandlingTests : IAsyncLifetime
{
    private TeamsTestEnvironment _env = null!;

    public async Task InitializeAsync() => _env = await TeamsTestEnvironment.StartAsync();

    public async Task DisposeAsync() => await _env.DisposeAsync();

    [Fact]
    public async Task Post_ChannelMentionMessage_DispatchesAndRepliesToThread()
    {
        var activity = _env.Fixture("teams-message-channel-mention.json");

        using var response = await _env.PostAsync(activity, _env.Token());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("reply to thread", Assert.Single(_env.Host.Dispatcher.Commands).Text);
        var reply = Assert.Single(await _env.Connector.WaitForRequestsAsync(1));
        Assert.Equal("POST", reply.Method);
        Assert.Equal("/amer/v3/conversations/19%3A6848757105754c8981c67612732d9aa7%40thread.tacv2%3Bmessageid%3D1759881511856/activities/1759944781430", reply.RawTarget);
        Assert.Equal("Bearer " + FakeTokenEndpoint.TokenNumber(1), reply.Authorization);
        var body = JsonNode.Parse(reply.Body)!;
        Assert.Equal("message", body["type"]!.GetValue<string>());
        Assert.Equal("echo: reply to thread", body["text"]!.GetValue<string>());
        Assert.Equal("1759944781430", body["replyToId"]!.GetValue<string>());
    }

    [Fact]
    public async Task Post_MessageBackFromCard_DispatchesTextAndReplies()
    {
        var activity = _env.Fixture("teams-message-messageBack-from-card.json");

        using var response = await _env.PostAsync(activity, _env.Token());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var command = Assert.Single(_env.Host.Dispatcher.Commands);
        Assert.Equal("User just clicked the MessageBack button", command.Text);
        Assert.Equal("bec8e231-67ad-484e-87f4-3e5438390a77", command.Actor.TenantId);
        Assert.Single(await _env.Connector.WaitForRequestsAsync(1));
    }

    [Fact]
    public async Task Post_InvokeAdaptiveCardAction_AnswersWithInvokeResponse()
    {
        var activity = _env.Fixture("teams-invoke-adaptiveCard-action.json");
        activity["value"]!["action"]!["verb"] = "feedback";

        using var response = await _env.PostAsync(activity, _env.Token());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal(200, body["statusCode"]!.GetValue<int>());
        Assert.Equal("application/vnd.microsoft.activity.message", body["type"]!.GetValue<string>());
        var command = Assert.Single(_env.Host.Dispatcher.Commands);
        Assert.Equal("feedback", command.Action!.Verb);
        Assert.Equal("test invokes", command.Action.Get("feedback"));
    }

    [Theory]
    [InlineData("teams-conversationUpdate-bot-added-to-team.json", "19:0b7f32667e064dd9b25d7969801541f4@thread.tacv2")]
    [InlineData("teams-conversationUpdate-bot-added-personal.json", "***")]
    public async Task Post_BotAdded_StoresReferenceAndPostsWelcome(string fixture, string conversationId)
    {
        var activity = BotAdded(fixture);

        using var response = await _env.PostAsync(activity, _env.Token());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var reference = Assert.Single(_env.Host.References.Conversations);
        Assert.Equal(conversationId, reference.ConversationId);
        Assert.Equal(_env.Connector.ServiceUrl.ToString(), reference.ServiceUrl);
        var welcome = Assert.Single(await _env.Connector.WaitForRequestsAsync(1));
        Assert.Equal($"/amer/v3/conversations/{Uri.EscapeDataString(conversationId)}/activities", welcome.RawTarget);
        var card = JsonNode.Parse(welcome.Body)!["attachments"]![0]!;
        Assert.Equal("application/vnd.microsoft.card.adaptive", card["contentType"]!.GetValue<string>());
        Assert.Contains("help", card["content"]!.ToJsonString(), StringComparison.Ordinal);
        Assert.Empty(_env.Host.Dispatcher.Commands);
    }

    [Fact]
    public async Task Post_BotAddedInPersonalScope_AlsoStoresPersonalChat()
    {
        var activity = BotAdded("teams-conversationUpdate-bot-added-personal.json");

        using var response = await _env.PostAsync(activity, _env.Token());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var personal = Assert.Single(_env.Host.References.PersonalChats);
        Assert.Equal("29:<USERID>", personal.UserId);
        Assert.Equal("<TENANT ID>", personal.TenantId);
    }

    [Fact]
    public async Task Post_InstallationUpdateAdd_StoresReferenceWithoutWelcome()
    {
        var activity = _env.Fixture("teams-installationUpdate-add.json");

        using var response = await _env.PostAsync(activity, _env.Token());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var reference = Assert.Single(_env.Host.References.Conversations);
        Assert.Equal("28:608cacfd-1cea-40c9-b678-4b93e69bb72b", reference.BotId);
        Assert.Empty(_env.Connector.Requests);
    }

    [Fact]
    public async Task Post_MemberRemoved_Returns200WithoutSending()
    {
        var activity = _env.Fixture("teams-conversationUpdate-member-removed.json");

        using var response = await _env.PostAsync(activity, _env.Token());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(_env.Connector.Requests);
        Assert.Empty(_env.Host.Dispatcher.Commands);
    }

    [Fact]
    public async Task Post_MessageReaction_IgnoredWith200()
    {
        var activity = _env.Fixture("teams-messageReaction-added.json");

        using var response = await _env.PostAsync(activity, _env.Token());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(_env.Host.Dispatcher.Commands);
        Assert.Empty(_env.Host.References.Conversations);
        Assert.Empty(_env.Connector.Requests);
    }

    [Fact]
    public async Task Post_OutboundMessageFixtureAsInbound_ParsedAndHandled()
    {
        // The outbound card message is still a valid message activity: it parses and gets an answer.
        var activity = _env.Fixture("teams-outbound-message-adaptivecard-mentions.json");
        activity["id"] = "outbound-1";
        activity["from"] = new JsonObject { ["id"] = "29:someone", ["name"] = "Someone" };

        using var response = await _env.PostAsync(activity, _env.Token());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Single(_env.Host.Dispatcher.Commands);
    }

    [Fact]
    public async Task Post_SameMessageTwice_DispatchedOnce()
    {
        var activity = _env.Fixture("teams-message-channel-mention.json");

        using var first = await _env.PostAsync(activity, _env.Token());
        using var second = await _env.PostAsync(activity, _env.Token());

        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Single(_env.Host.Dispatcher.Commands);
    }

    [Fact]
    public async Task Post_BodyNotJson_Returns400()
    {
        using var content = new StringContent("{not json", System.Text.Encoding.UTF8, "application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/messages") { Content = content };
        request.Headers.Authorization = new("Bearer", _env.Token());

        using var response = await _env.Host.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    // The personal-scope doc sample writes the bot as "28:<BOT ID>" in recipient but with a real id in membersAdded;
    // Teams sends the same id in both, so the placeholder is filled in.
    private JsonObject BotAdded(string fixture)
    {
        var activity = _env.Fixture(fixture);
        activity["recipient"]!["id"] = activity["membersAdded"]![0]!["id"]!.GetValue<string>();
        return activity;
    }
}
