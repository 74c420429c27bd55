using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using ChatOps.Slack.Signing;

namespace ChatOps.Bot.Tests.Slack;

/// <summary>Signed Slack requests through the real host: ack at once, answer through the (fake) Web API.</summary>
[Trait("Category", "Azurite")]
public sealed class SlackEndToEndTests : IAsyncLifetime
{
    private FakeSlack _slack = null!;
    private SlackBotFactory _factory = null!;

    public async Task InitializeAsync()
    {
        _slack = await FakeSlack.StartAsync();
        _factory = new SlackBotFactory(_slack);
    }

    public async Task DisposeAsync()
    {
        await _factory.DisposeAsync();
        await _slack.DisposeAsync();
    }

    [Fact]
    public async Task PatchHelp_Signed_AckedAndHelpPostedToSlack()
    {
        using var client = _factory.CreateClient();
        using var warmup = await PostSignedAsync(client, "/api/slack/events", """{"type":"url_verification","challenge":"warm"}""", "application/json");

        using var response = await PostSignedAsync(client, "/api/slack/commands", SlashCommand("help", _slack.ResponseUrl("help")), "application/x-www-form-urlencoded");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("ephemeral", JsonNode.Parse(await response.Content.ReadAsStringAsync())!["response_type"]!.ToString());
        var (method, authorization, body) = await _slack.NextCallAsync();
        Assert.StartsWith("Commands: help", body["text"]!.ToString(), StringComparison.Ordinal);
        if (method == "response_url:help")
        {
            // Core answers help privately: Slack's response_url, which never receives the bot token.
            Assert.Null(authorization);
            Assert.Equal("ephemeral", body["response_type"]!.ToString());
        }
        else
        {
            Assert.Contains(method, (string[])["chat.postMessage", "chat.postEphemeral"]);
            Assert.Equal("Bearer " + SlackBotFactory.BotToken, authorization);
            Assert.Equal("C1", body["channel"]!.ToString());
        }
    }

    [Fact]
    public async Task PatchHelp_Forged_401AndSlackNeverCalled()
    {
        using var client = _factory.CreateClient();

        using var forged = await PostSignedAsync(client, "/api/slack/commands", SlashCommand("help", _slack.ResponseUrl("forged")), "application/x-www-form-urlencoded", secret: "not-the-secret");
        using var genuine = await PostSignedAsync(client, "/api/slack/commands", SlashCommand("help", _slack.ResponseUrl("genuine")), "application/x-www-form-urlencoded");

        Assert.Equal(HttpStatusCode.Unauthorized, forged.StatusCode);
        Assert.Equal(HttpStatusCode.OK, genuine.StatusCode);
        Assert.NotEqual("response_url:forged", (await _slack.NextCallAsync()).Method);
        Assert.Equal(1, _slack.CallCount);
    }

    [Fact]
    public async Task UrlVerification_Signed_AnswersChallenge()
    {
        using var client = _factory.CreateClient();

        using var response = await PostSignedAsync(client, "/api/slack/events", """{"token":"t","challenge":"abc123","type":"url_verification"}""", "application/json");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("abc123", JsonNode.Parse(await response.Content.ReadAsStringAsync())!["challenge"]!.ToString());
    }

    private static string SlashCommand(string text, string responseUrl) =>
        "team_id=T1&channel_id=C1&user_id=U1&user_name=alice&command=%2Fpatch&text=" + Uri.EscapeDataString(text)
        + "&response_url=" + Uri.EscapeDataString(responseUrl) + "&trigger_id=" + Guid.NewGuid().ToString("N");

    private static async Task<HttpResponseMessage> PostSignedAsync(HttpClient client, string path, string body, string contentType, string secret = SlackBotFactory.Secret)
    {
        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(body, Encoding.UTF8, contentType) };
        request.Headers.Add(SlackSignatureVerifier.TimestampHeader, timestamp);
        request.Headers.Add(SlackSignatureVerifier.SignatureHeader, SlackSignatureVerifier.Sign(secret, timestamp, Encoding.UTF8.GetBytes(body)));
        return await client.SendAsync(request);
    }
}
