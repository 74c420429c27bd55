using System.Net;
using System.Text.Json.Nodes;
using ChatOps.Core.Identity;

namespace ChatOps.Slack.Tests.Endpoints;

public sealed class EventsEndpointTests
{
    [Fact]
    public async Task PostEvents_UrlVerificationFixture_AnswersChallengeAsJson()
    {
        await using var host = await SlackTestHost.StartAsync();

        using var response = await host.PostJsonAsync("/api/slack/events", TestFiles.Read("slack-url-verification.json"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P", body["challenge"]!.ToString());
    }

    [Fact]
    public async Task PostEvents_MessageImFixture_AnsweredInTheDmAndRemembered()
    {
        await using var host = await SlackTestHost.StartAsync();

        using var response = await host.PostJsonAsync("/api/slack/events", TestFiles.Read("slack-event-callback-message-im-botbuilder.json"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var post = await host.Api.NextCallAsync("chat.postMessage");
        Assert.Equal("channelId", post.Field("channel"));
        Assert.Equal("echo: Hello", post.Field("text"));
        Assert.NotNull(await host.Conversations.GetPersonalAsync(ChannelKind.Slack, "teamId", "userId"));
    }

    [Fact]
    public async Task PostEvents_AppMention_AnsweredWithoutTheBotMention()
    {
        await using var host = await SlackTestHost.StartAsync();

        using var response = await host.PostJsonAsync("/api/slack/events", SlackPayloads.Event("Ev1", "<@UBOT> status"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("status", (await host.Dispatcher.NextAsync()).Text);
        Assert.Equal("echo: status", (await host.Api.NextCallAsync("chat.postMessage")).Field("text"));
    }

    [Theory]
    [InlineData("UBOT", null, null)]
    [InlineData("U1", "B1", null)]
    [InlineData("U1", null, "message_changed")]
    public async Task PostEvents_BotOrEditedMessage_AcknowledgedButNeverAnswered(string user, string? botId, string? subtype)
    {
        await using var host = await SlackTestHost.StartAsync();

        using var response = await host.PostJsonAsync("/api/slack/events", SlackPayloads.Event("Ev1", "help", user, botId, subtype, type: "message", channelType: "im"));
        using var sentinel = await host.PostJsonAsync("/api/slack/events", SlackPayloads.Event("Ev2", "<@UBOT> sentinel"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("sentinel", (await host.Dispatcher.NextAsync()).Text);
        Assert.Single(host.Dispatcher.Received);
    }

    [Fact]
    public async Task PostEvents_WrapperSchemaExamples_AcknowledgedAndIgnored()
    {
        await using var host = await SlackTestHost.StartAsync();
        var examples = JsonNode.Parse(TestFiles.Read("slack-events-api-common-wrapper-schema.json"))!["examples"]!.AsArray();

        foreach (var example in examples)
        {
            using var response = await host.PostJsonAsync("/api/slack/events", example!.ToJsonString());
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        using var sentinel = await host.PostJsonAsync("/api/slack/events", SlackPayloads.Event("Ev2", "<@UBOT> sentinel"));
        Assert.Equal("sentinel", (await host.Dispatcher.NextAsync()).Text);
        Assert.Single(host.Dispatcher.Received);
    }
}
