using System.Net;
using System.Text.Json.Nodes;
using ChatOps.Core.Commands;
using ChatOps.Core.Views;
using ChatOps.Teams.Tests.Support;

namespace ChatOps.Teams.Tests.Activities;

/// <summary><c>adaptiveCard/action</c> invokes answer in the HTTP response (Universal Action Model).</summary>
public sealed class InvokeTests : IAsyncLifetime
{
    private TeamsTestEnvironment _env = null!;

    public async Task InitializeAsync() => _env = await TeamsTestEnvironment.StartAsync();

    public async Task DisposeAsync() => await _env.DisposeAsync();

    [Fact]
    public async Task Post_ActionExecuteWithUpdateCardReply_ReturnsAdaptiveCard()
    {
        _env.Host.Dispatcher.Respond = _ => CommandResult.Of(new Reply(new ErrorView("Item 3 done"), ReplyMode.UpdateCard));

        var (status, body) = await InvokeAsync(Execute("checklist.toggle", new JsonObject { ["item"] = "3" }));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(200, body["statusCode"]!.GetValue<int>());
        Assert.Equal("application/vnd.microsoft.card.adaptive", body["type"]!.GetValue<string>());
        Assert.Equal("AdaptiveCard", body["value"]!["type"]!.GetValue<string>());
        Assert.Contains("Item 3 done", body["value"]!.ToJsonString(), StringComparison.Ordinal);
        Assert.Empty(_env.Connector.Requests);
    }

    [Fact]
    public async Task Post_ActionExecuteWithTextReply_ReturnsMessage()
    {
        _env.Host.Dispatcher.Respond = _ => CommandResult.Of(new Reply(new TextView("Recorded.")));

        var (status, body) = await InvokeAsync(Execute("approve", new JsonObject()));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("application/vnd.microsoft.activity.message", body["type"]!.GetValue<string>());
        Assert.Equal("Recorded.", body["value"]!.GetValue<string>());
    }

    [Fact]
    public async Task Post_ActionExecuteWithExtraPostReply_PostsItThroughConnector()
    {
        _env.Host.Dispatcher.Respond = _ => CommandResult.Of(
            new Reply(new TextView("Updated"), ReplyMode.UpdateCard),
            new Reply(new TextView("Approved by Rido"), ReplyMode.Post));

        var (_, body) = await InvokeAsync(Execute("approve", new JsonObject()));

        Assert.Equal("application/vnd.microsoft.card.adaptive", body["type"]!.GetValue<string>());
        var posted = Assert.Single(await _env.Connector.WaitForRequestsAsync(1));
        Assert.Contains("Approved by Rido", posted.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_CardDataNamingAnotherUser_ActorStaysTheAuthenticatedSender()
    {
        var data = new JsonObject { ["userId"] = "29:attacker", ["from"] = "29:attacker", ["tenantId"] = "other-tenant" };

        await InvokeAsync(Execute("approve", data));

        var command = Assert.Single(_env.Host.Dispatcher.Commands);
        Assert.StartsWith("29:1uMVvhoAyfTqdMsyvHL0ql", command.Actor.UserId, StringComparison.Ordinal);
        Assert.Equal("c5e99701-2a32-49c1-a660-4629ceeb8c61", command.Actor.AadObjectId);
        Assert.Equal("56653e9d-2158-46ee-90d7-675c39642038", command.Actor.TenantId);
        Assert.Equal("29:attacker", command.Action!.Get("userId"));
    }

    [Fact]
    public async Task Post_ActionSubmit_Returns400NotSupported()
    {
        var activity = Execute("approve", new JsonObject());
        activity["value"]!["action"]!["type"] = "Action.Submit";

        var (status, body) = await InvokeAsync(activity);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal(400, body["statusCode"]!.GetValue<int>());
        Assert.Equal("application/vnd.microsoft.error", body["type"]!.GetValue<string>());
        Assert.Equal("NotSupported", body["value"]!["code"]!.GetValue<string>());
        Assert.Equal("The action 'Action.Submit' is not supported.", body["value"]!["message"]!.GetValue<string>());
        Assert.Empty(_env.Host.Dispatcher.Commands);
    }

    [Fact]
    public async Task Post_NoValue_Returns400BadRequest()
    {
        var activity = Execute("approve", new JsonObject());
        activity.Remove("value");

        var (status, body) = await InvokeAsync(activity);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("BadRequest", body["value"]!["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task Post_NoVerb_Returns400BadRequest()
    {
        var activity = _env.Fixture("teams-invoke-adaptiveCard-action.json");

        var (status, body) = await InvokeAsync(activity);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("verb", body["value"]!["message"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_OtherInvokeName_Returns501()
    {
        var activity = Execute("approve", new JsonObject());
        activity["name"] = "task/fetch";

        using var response = await _env.PostAsync(activity, _env.Token());

        Assert.Equal(HttpStatusCode.NotImplemented, response.StatusCode);
    }

    private JsonObject Execute(string verb, JsonObject data)
    {
        var activity = _env.Fixture("teams-invoke-adaptiveCard-action.json");
        activity["value"]!["action"]!["verb"] = verb;
        activity["value"]!["action"]!["data"] = data;
        return activity;
    }

    private async Task<(HttpStatusCode Status, JsonNode Body)> InvokeAsync(JsonObject activity)
    {
        using var response = await _env.PostAsync(activity, _env.Token());
        return (response.StatusCode, JsonNode.Parse(await response.Content.ReadAsStringAsync())!);
    }
}
