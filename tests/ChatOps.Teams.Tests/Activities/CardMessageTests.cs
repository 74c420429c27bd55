using System.Net;
using System.Text.Json.Nodes;
using ChatOps.Core.Commands;
using ChatOps.Core.Views;
using ChatOps.Teams.Tests.Support;

namespace ChatOps.Teams.Tests.Activities;

/// <summary>Message replies: cards as Adaptive Card attachments, UpdateCard as a PUT of the card message.</summary>
public sealed class CardMessageTests : IAsyncLifetime
{
    private TeamsTestEnvironment _env = null!;

    public async Task InitializeAsync() => _env = await TeamsTestEnvironment.StartAsync();

    public async Task DisposeAsync() => await _env.DisposeAsync();

    [Fact]
    public async Task Post_ReplyWithCardView_SendsAdaptiveCardAttachment()
    {
        _env.Host.Dispatcher.Respond = _ => CommandResult.Of(new Reply(new ErrorView("Unknown command 'x'.", "help")));

        using var response = await _env.PostAsync(_env.Fixture("teams-message-channel-mention.json"), _env.Token());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonNode.Parse(Assert.Single(await _env.Connector.WaitForRequestsAsync(1)).Body)!;
        var attachment = body["attachments"]![0]!;
        Assert.Equal("application/vnd.microsoft.card.adaptive", attachment["contentType"]!.GetValue<string>());
        Assert.Equal("AdaptiveCard", attachment["content"]!["type"]!.GetValue<string>());
    }

    [Fact]
    public async Task Post_MessageBackWithVerbAndUpdateCardReply_PutsTheCardMessage()
    {
        _env.Host.Dispatcher.Respond = _ => CommandResult.Of(new Reply(new TextView("updated"), ReplyMode.UpdateCard));
        var activity = _env.Fixture("teams-message-messageBack-from-card.json");
        activity["value"] = new JsonObject { ["verb"] = "checklist.toggle", ["item"] = "2" };

        using var response = await _env.PostAsync(activity, _env.Token());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var command = Assert.Single(_env.Host.Dispatcher.Commands);
        Assert.Equal("checklist.toggle", command.Action!.Verb);
        Assert.Equal("2", command.Action.Get("item"));
        var update = Assert.Single(await _env.Connector.WaitForRequestsAsync(1));
        Assert.Equal("PUT", update.Method);
        Assert.EndsWith("/activities/1575667808184", update.RawTarget, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_ConnectorRefusesReply_Returns200AndLogsDeliveryError()
    {
        _env.Connector.Enqueue(403);

        using var response = await _env.PostAsync(_env.Fixture("teams-message-channel-mention.json"), _env.Token());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var error = Assert.Single(_env.Host.Logs.GetSnapshot(), r => r.Level == Microsoft.Extensions.Logging.LogLevel.Error);
        Assert.Contains("could not deliver", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(FakeTokenEndpoint.TokenNumber(1), error.Message + error.Exception, StringComparison.Ordinal);
    }
}
