using System.Text.Json.Nodes;
using ChatOps.Cards.Slack;
using ChatOps.Core.Views;
using ChatOps.Slack.Api;
using ChatOps.Slack.Tests.Fakes;
using ChatOps.Testing;

namespace ChatOps.Slack.Tests.Api;

public sealed class ChatApiTests
{
    /// <summary>Only a guard against a hang: nothing here waits for real time to pass.</summary>
    private static readonly TimeSpan FailureGuard = TimeSpan.FromSeconds(30);

    private static readonly BlockKitMessage Message = BlockKitRenderer.Render(new TextView("Patch window opens at 22:00"));

    [Fact]
    public async Task PostMessageAsync_Always_PostsJsonUtf8WithBearerToken()
    {
        await using var harness = await WebApiHarness.StartAsync();

        await harness.Get<ChatApi>().PostMessageAsync("C1", Message, threadTs: "1.2");

        var call = Assert.Single(harness.Api.Calls);
        Assert.Equal("chat.postMessage", call.Method);
        Assert.Equal("Bearer " + SlackTestHost.BotToken, call.Authorization);
        Assert.Equal("application/json; charset=utf-8", call.ContentType);
        Assert.Equal("C1", call.Field("channel"));
        Assert.Equal("1.2", call.Field("thread_ts"));
        Assert.Equal(Message.Text, call.Field("text"));
        Assert.Equal(Message.Blocks.ToJsonString(), call.Json["blocks"]!.ToJsonString());
    }

    [Fact]
    public async Task PostMessageAsync_Always_NeverAsksSlackToLinkNamesOrParse()
    {
        await using var harness = await WebApiHarness.StartAsync();

        await harness.Get<ChatApi>().PostMessageAsync("C1", Message);

        var json = Assert.Single(harness.Api.Calls).Json;
        Assert.False(json.ContainsKey("link_names"));
        Assert.False(json.ContainsKey("parse"));
    }

    [Fact]
    public async Task PostMessageAsync_OkFalse_ThrowsWithSlacksErrorCode()
    {
        await using var harness = await WebApiHarness.StartAsync();
        harness.Api.Script("chat.postMessage", new ScriptedResponse(200, WebApiExamples.Error("chat.postMessage")));

        var error = await Assert.ThrowsAsync<SlackApiException>(() => harness.Get<ChatApi>().PostMessageAsync("C1", Message));

        Assert.Equal("too_many_attachments", error.ErrorCode);
        Assert.Equal("chat.postMessage", error.Method);
    }

    [Fact]
    public async Task PostMessageAsync_OkExample_ReturnsChannelAndTs()
    {
        await using var harness = await WebApiHarness.StartAsync();
        harness.Api.Script("chat.postMessage", new ScriptedResponse(200, WebApiExamples.Ok("chat.postMessage")));

        var posted = await harness.Get<ChatApi>().PostMessageAsync("C1H9RESGL", Message);

        Assert.Equal(new SlackMessageRef("C1H9RESGL", "1503435956.000247"), posted);
    }

    [Fact]
    public async Task PostMessageAsync_429WithRetryAfter_WaitsRetryAfterBeforeRetrying()
    {
        var clock = new TimerRecordingTimeProvider();
        await using var harness = await WebApiHarness.StartAsync(time: clock);
        harness.Api.Script("chat.postMessage", new ScriptedResponse(429, """{"ok":false,"error":"ratelimited"}""", RetryAfterSeconds: 2));

        var posting = harness.Get<ChatApi>().PostMessageAsync("C1", Message);
        var wait = await clock.NextTimerAsync().AsTask().WaitAsync(FailureGuard);

        Assert.Equal(TimeSpan.FromSeconds(2), wait);
        Assert.Single(harness.Api.Calls);
        Assert.False(posting.IsCompleted);
        clock.Advance(wait);
        Assert.Equal("C1", (await posting.WaitAsync(FailureGuard)).Channel);
        Assert.Equal(2, harness.Api.Calls.Count);
    }

    [Fact]
    public async Task PostMessageAsync_429BeyondRetries_ThrowsHttp429()
    {
        await using var harness = await WebApiHarness.StartAsync(s => s["Slack:RateLimitRetries"] = "1");
        harness.Api.Script("chat.postMessage", new ScriptedResponse(429, """{"ok":false,"error":"ratelimited"}""", RetryAfterSeconds: 0));
        harness.Api.Script("chat.postMessage", new ScriptedResponse(429, """{"ok":false,"error":"ratelimited"}""", RetryAfterSeconds: 0));

        var error = await Assert.ThrowsAsync<SlackApiException>(() => harness.Get<ChatApi>().PostMessageAsync("C1", Message));

        Assert.Equal("http_429", error.ErrorCode);
        Assert.Equal(2, harness.Api.Calls.Count);
    }

    [Fact]
    public async Task PostMessageAsync_ServerError_IsNotRetried()
    {
        await using var harness = await WebApiHarness.StartAsync();
        harness.Api.Script("chat.postMessage", new ScriptedResponse(500, "oops"));

        var error = await Assert.ThrowsAsync<SlackApiException>(() => harness.Get<ChatApi>().PostMessageAsync("C1", Message));

        Assert.Equal("http_500", error.ErrorCode);
        Assert.Single(harness.Api.Calls);
    }

    [Fact]
    public async Task PostMessageAsync_NoBotToken_ThrowsBeforeCallingSlack()
    {
        await using var harness = await WebApiHarness.StartAsync(s => s["Slack:BotToken"] = string.Empty);

        await Assert.ThrowsAsync<InvalidOperationException>(() => harness.Get<ChatApi>().PostMessageAsync("C1", Message));

        Assert.Empty(harness.Api.Calls);
    }

    [Fact]
    public async Task UpdateAsync_OkExample_SendsChannelAndTs()
    {
        await using var harness = await WebApiHarness.StartAsync();
        harness.Api.Script("chat.update", new ScriptedResponse(200, WebApiExamples.Ok("chat.update")));

        var updated = await harness.Get<ChatApi>().UpdateAsync("C024BE91L", "1401383885.000061", Message);

        Assert.Equal(new SlackMessageRef("C024BE91L", "1401383885.000061"), updated);
        Assert.Equal("1401383885.000061", Assert.Single(harness.Api.Calls).Field("ts"));
    }

    [Fact]
    public async Task UpdateAsync_ErrorExample_ThrowsCantUpdateMessage()
    {
        await using var harness = await WebApiHarness.StartAsync();
        harness.Api.Script("chat.update", new ScriptedResponse(200, WebApiExamples.Error("chat.update")));

        var error = await Assert.ThrowsAsync<SlackApiException>(() => harness.Get<ChatApi>().UpdateAsync("C1", "1.1", Message));

        Assert.Equal("cant_update_message", error.ErrorCode);
    }

    [Fact]
    public async Task PostEphemeralAsync_OkExample_ReturnsMessageTs()
    {
        await using var harness = await WebApiHarness.StartAsync();
        harness.Api.Script("chat.postEphemeral", new ScriptedResponse(200, WebApiExamples.Ok("chat.postEphemeral")));

        var ts = await harness.Get<ChatApi>().PostEphemeralAsync("C1", "U1", Message);

        Assert.Equal("1502210682.580145", ts);
        Assert.Equal("U1", Assert.Single(harness.Api.Calls).Field("user"));
    }

    [Fact]
    public async Task PostEphemeralAsync_ErrorExample_ThrowsUserNotInChannel()
    {
        await using var harness = await WebApiHarness.StartAsync();
        harness.Api.Script("chat.postEphemeral", new ScriptedResponse(200, WebApiExamples.Error("chat.postEphemeral")));

        var error = await Assert.ThrowsAsync<SlackApiException>(() => harness.Get<ChatApi>().PostEphemeralAsync("C1", "U1", Message));

        Assert.Equal("user_not_in_channel", error.ErrorCode);
    }

    [Fact]
    public async Task PostMessageAsync_UserTextWithChannelPing_IsSentEscaped()
    {
        await using var harness = await WebApiHarness.StartAsync();
        var message = BlockKitRenderer.Render(new TextView("Incident <!channel> & <https://evil.example|click>"));

        await harness.Get<ChatApi>().PostMessageAsync("C1", message);

        var call = Assert.Single(harness.Api.Calls);
        Assert.DoesNotContain("<!channel>", call.Body, StringComparison.Ordinal);
        Assert.Equal("Incident &lt;!channel&gt; &amp; &lt;https://evil.example|click&gt;", call.Field("text"));
        Assert.Equal(call.Field("text"), call.Json["blocks"]![0]!["text"]!["text"]!.ToString());
    }

    [Fact]
    public void Escape_OfficialFormattingExample_MatchesSlackDocs()
    {
        var example = JsonNode.Parse(TestFiles.Read("slack-mrkdwn-escaping-official-example.json"))!;

        var escaped = SlackText.Escape(example["user_types"]!.ToString());

        Assert.Equal(example["encoded_message"]!.ToString(), escaped);
    }
}
