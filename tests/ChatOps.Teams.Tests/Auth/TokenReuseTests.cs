using System.Net;
using System.Text.Json.Nodes;
using ChatOps.Teams.Tests.Fakes;
using ChatOps.Teams.Tests.Support;

namespace ChatOps.Teams.Tests.Auth;

/// <summary>
/// POST /api/messages with a token the bot validated before: it is accepted without a second signature check
/// (ValidatedTokenCache), and nothing but that exact token is.
/// </summary>
public sealed class TokenReuseTests : IAsyncLifetime
{
    private TeamsTestEnvironment _env = null!;

    public async Task InitializeAsync() => _env = await TeamsTestEnvironment.StartAsync();

    public async Task DisposeAsync() => await _env.DisposeAsync();

    [Fact]
    public async Task Post_TamperedCopyOfAnAcceptedToken_Returns401()
    {
        var token = _env.Token();
        using var accepted = await _env.PostAsync(Message("help"), token);
        var tampered = token[..^2] + (token[^2] == 'A' ? "B" : "A") + token[^1];

        using var response = await _env.PostAsync(Message("help"), tampered);

        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Post_AcceptedTokenAfterItsKeyWasWithdrawn_StillAcceptedWithoutRevalidation()
    {
        var token = _env.Token();
        using var first = await _env.PostAsync(Message("help"), token);
        using var successor = new TestSigningKey("key-successor", "msteams");
        _env.Issuer.Publish(successor);
        // A new token under the withdrawn key is refused once the bot has refreshed the key set (403: the signature may
        // still check against the last known good keys, but the withdrawn key endorses no channel any more), which
        // proves that a full validation of the first token would now fail too. Each try mints a new token: one accepted
        // before the refresh landed would itself be served from the cache from then on.
        using var refused = await PollAsync(
            attempt => TokenMinter.Mint(_env.Key.Credentials, TeamsTestEnvironment.AppId, ServiceUrl, expiresIn: TimeSpan.FromMinutes(29) - TimeSpan.FromSeconds(attempt)),
            status => status is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden);

        using var again = await _env.PostAsync(Message("help"), token);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Contains(refused.StatusCode, new[] { HttpStatusCode.Unauthorized, HttpStatusCode.Forbidden });
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
    }

    private string ServiceUrl => _env.Connector.ServiceUrl.ToString();

    private JsonObject Message(string text)
    {
        var activity = _env.Fixture("teams-message-channel-mention.json");
        activity["text"] = "<at>ridotest</at> " + text;
        return activity;
    }

    /// <summary>The key set is refreshed in the background after an unknown kid; poll until the refresh lands.</summary>
    private async Task<HttpResponseMessage> PollAsync(Func<int, string> token, Func<HttpStatusCode, bool> wanted)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        for (var attempt = 0; ; attempt++)
        {
            // A token under an unknown kid makes JwtBearer ask for the key set again.
            using var successor = new TestSigningKey("key-unknown-" + Guid.NewGuid().ToString("N")[..6], "msteams");
            using (await _env.PostAsync(Message("help"), TokenMinter.Mint(successor.Credentials, TeamsTestEnvironment.AppId, ServiceUrl)))
            {
            }

            var response = await _env.PostAsync(Message("help"), token(attempt));
            if (wanted(response.StatusCode) || DateTime.UtcNow > deadline)
                return response;
            response.Dispose();
            await Task.Delay(200);
        }
    }
}
