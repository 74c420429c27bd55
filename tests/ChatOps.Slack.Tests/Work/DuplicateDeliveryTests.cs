using System.Net;

namespace ChatOps.Slack.Tests.Work;

/// <summary>Retries, repeated event ids and double clicks act once (one worker loop, so a later sentinel proves it).</summary>
public sealed class DuplicateDeliveryTests
{
    private static readonly Dictionary<string, string> RetryHeaders = new()
    {
        ["X-Slack-Retry-Num"] = "1",
        ["X-Slack-Retry-Reason"] = "http_timeout",
    };

    [Fact]
    public async Task PostEvent_SameEventIdTwice_DispatchedOnce()
    {
        await using var host = await SlackTestHost.StartAsync();

        using var first = await host.PostJsonAsync("/api/slack/events", SlackPayloads.Event("Ev1", "<@UBOT> contain"));
        using var again = await host.PostJsonAsync("/api/slack/events", SlackPayloads.Event("Ev1", "<@UBOT> contain"));
        using var sentinel = await host.PostJsonAsync("/api/slack/events", SlackPayloads.Event("Ev2", "<@UBOT> sentinel"));

        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal("contain", (await host.Dispatcher.NextAsync()).Text);
        Assert.Equal("sentinel", (await host.Dispatcher.NextAsync()).Text);
        Assert.Equal(2, host.Dispatcher.Received.Count);
        Assert.Equal(3, host.Idempotency.Attempts.Count);
    }

    [Fact]
    public async Task PostEvent_SlackRetryOfHandledEvent_AcknowledgedAndNotRepeated()
    {
        await using var host = await SlackTestHost.StartAsync();

        using var first = await host.PostJsonAsync("/api/slack/events", SlackPayloads.Event("Ev1", "<@UBOT> contain"));
        using var retry = await host.PostJsonAsync("/api/slack/events", SlackPayloads.Event("Ev1", "<@UBOT> contain"), RetryHeaders);
        using var sentinel = await host.PostJsonAsync("/api/slack/events", SlackPayloads.Event("Ev2", "<@UBOT> sentinel"));

        Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
        Assert.Equal("echo: contain", (await host.Api.NextCallAsync("chat.postMessage")).Field("text"));
        Assert.Equal("echo: sentinel", (await host.Api.NextCallAsync("chat.postMessage")).Field("text"));
        Assert.Equal(["contain", "sentinel"], host.Dispatcher.Received.Select(c => c.Text));
        Assert.Equal(2, host.Api.Calls.Count);
    }

    [Fact]
    public async Task PostEvent_RetryOfEventNeverSeen_IsHandled()
    {
        await using var host = await SlackTestHost.StartAsync();

        using var retry = await host.PostJsonAsync("/api/slack/events", SlackPayloads.Event("Ev7", "<@UBOT> status"), RetryHeaders);

        Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
        Assert.Equal("status", (await host.Dispatcher.NextAsync()).Text);
    }

    [Fact]
    public async Task PostInteraction_DoubleClickedButton_OneDecision()
    {
        await using var host = await SlackTestHost.StartAsync();

        using var click1 = await host.PostFormAsync("/api/slack/interactions", SlackPayloads.BlockActionsClick("1584059959.813426", "trigger-a"));
        using var click2 = await host.PostFormAsync("/api/slack/interactions", SlackPayloads.BlockActionsClick("1584059959.913426", "trigger-b"));
        using var sentinel = await host.PostJsonAsync("/api/slack/events", SlackPayloads.Event("Ev2", "<@UBOT> sentinel"));

        Assert.Equal(HttpStatusCode.OK, click2.StatusCode);
        Assert.Equal("f8s", (await host.Dispatcher.NextAsync()).Action!.Verb);
        Assert.Equal("sentinel", (await host.Dispatcher.NextAsync()).Text);
        Assert.Equal(2, host.Dispatcher.Received.Count);
    }
}
