using System.Globalization;
using System.Net;

namespace ChatOps.Slack.Tests.Endpoints;

/// <summary>Refused requests through the real pipeline: 401, and nothing downstream is touched.</summary>
public sealed class SignedEndpointTests
{
    public static TheoryData<string> Paths() => ["/api/slack/commands", "/api/slack/interactions", "/api/slack/events"];

    [Theory]
    [MemberData(nameof(Paths))]
    public async Task Post_Unsigned_401AndNothingTouched(string path)
    {
        await using var host = await SlackTestHost.StartAsync();
        using var content = new StringContent(SlackPayloads.SlashCommand("help"));

        using var response = await host.Client.PostAsync(path, content);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        await AssertNothingTouchedAsync(host);
    }

    [Fact]
    public async Task PostCommand_SignedWithAnotherSecret_401AndNothingTouched()
    {
        await using var host = await SlackTestHost.StartAsync();

        using var response = await host.PostSignedAsync("/api/slack/commands", SlackPayloads.SlashCommand("help"), "application/x-www-form-urlencoded", secret: "forged");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        await AssertNothingTouchedAsync(host);
    }

    [Theory]
    [InlineData(-400)]
    [InlineData(400)]
    public async Task PostCommand_CorrectlySignedButOutsideWindow_401AndNothingTouched(int offsetSeconds)
    {
        await using var host = await SlackTestHost.StartAsync();
        var timestamp = (DateTimeOffset.UtcNow.ToUnixTimeSeconds() + offsetSeconds).ToString(CultureInfo.InvariantCulture);

        using var response = await host.PostSignedAsync("/api/slack/commands", SlackPayloads.SlashCommand("help"), "application/x-www-form-urlencoded", timestamp: timestamp);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        await AssertNothingTouchedAsync(host);
    }

    [Fact]
    public async Task PostCommand_NoSigningSecretConfigured_EveryRequestRefused()
    {
        await using var host = await SlackTestHost.StartAsync(s => s["Slack:SigningSecret"] = string.Empty);

        using var response = await host.PostFormAsync("/api/slack/commands", SlackPayloads.SlashCommand("help"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(host.Dispatcher.Received);
        Assert.Empty(host.Idempotency.Attempts);
    }

    [Fact]
    public async Task PostCommand_SignedBodyOverOneMebibyte_413AndNothingTouched()
    {
        await using var host = await SlackTestHost.StartAsync();
        var body = SlackPayloads.SlashCommand("help") + "&pad=" + new string('a', 1024 * 1024);

        using var response = await host.PostFormAsync("/api/slack/commands", body);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        await AssertNothingTouchedAsync(host);
    }

    [Fact]
    public async Task PostCommand_SignedButMalformed_400()
    {
        await using var host = await SlackTestHost.StartAsync();

        using var response = await host.PostFormAsync("/api/slack/commands", "team_id=T1&channel_id=C1&command=%2Fpatch");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task PostInteraction_SignedButPayloadNotJson_400()
    {
        await using var host = await SlackTestHost.StartAsync();

        using var response = await host.PostFormAsync("/api/slack/interactions", "payload=%7Bnot-json");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    /// <summary>A valid request sent afterwards is the only thing the worker ever saw (one loop, FIFO).</summary>
    private static async Task AssertNothingTouchedAsync(SlackTestHost host)
    {
        using var sentinel = await host.PostFormAsync("/api/slack/commands", SlackPayloads.SlashCommand("sentinel", triggerId: "sentinel"));
        Assert.Equal(HttpStatusCode.OK, sentinel.StatusCode);

        var first = await host.Dispatcher.NextAsync();

        Assert.Equal("sentinel", first.Text);
        Assert.Single(host.Idempotency.Attempts);
    }
}
