using System.Net;
using System.Text.Json.Nodes;
using ChatOps.Teams.Tests.Fakes;
using ChatOps.Teams.Tests.Support;

namespace ChatOps.Teams.Tests.Auth;

/// <summary>POST /api/messages through the real pipeline: each forged or stale token is refused before any handler runs.</summary>
public sealed class InboundAuthenticationTests : IAsyncLifetime
{
    private TeamsTestEnvironment _env = null!;

    public async Task InitializeAsync() => _env = await TeamsTestEnvironment.StartAsync();

    public async Task DisposeAsync() => await _env.DisposeAsync();

    [Fact]
    public async Task Post_ValidToken_DispatchesAndReturns200()
    {
        var activity = Message("help");

        using var response = await _env.PostAsync(activity, _env.Token());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("help", Assert.Single(_env.Host.Dispatcher.Commands).Text);
    }

    [Fact]
    public async Task Post_TokenExpiredWithinClockSkew_Returns200()
    {
        var token = TokenMinter.Mint(_env.Key.Credentials, TeamsTestEnvironment.AppId, ServiceUrl, expiresIn: TimeSpan.FromMinutes(-3));

        using var response = await _env.PostAsync(Message("help"), token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Post_NoToken_Returns401()
    {
        using var response = await _env.PostAsync(Message("help"), token: null);

        AssertRefused(response, HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Post_TokenExpiredBeyondClockSkew_Returns401()
    {
        var token = TokenMinter.Mint(_env.Key.Credentials, TeamsTestEnvironment.AppId, ServiceUrl, expiresIn: TimeSpan.FromMinutes(-6));

        using var response = await _env.PostAsync(Message("help"), token);

        AssertRefused(response, HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Post_PublishedKidSignedWithAnotherKey_Returns401()
    {
        using var impostor = new TestSigningKey(_env.Key.Kid, "msteams");
        var token = TokenMinter.Mint(impostor.Credentials, TeamsTestEnvironment.AppId, ServiceUrl);

        using var response = await _env.PostAsync(Message("help"), token);

        AssertRefused(response, HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Post_ExpiredTokenOutsideDevelopment_ChallengeGivesNoReason()
    {
        var token = TokenMinter.Mint(_env.Key.Credentials, TeamsTestEnvironment.AppId, ServiceUrl, expiresIn: TimeSpan.FromMinutes(-6));

        using var response = await _env.PostAsync(Message("help"), token);

        var challenge = Assert.Single(response.Headers.WwwAuthenticate);
        Assert.Equal("Bearer", challenge.Scheme);
        Assert.Null(challenge.Parameter);
    }

    [Fact]
    public async Task Post_WrongAudience_Returns401()
    {
        var token = TokenMinter.Mint(_env.Key.Credentials, "another-bot-app-id", ServiceUrl);

        using var response = await _env.PostAsync(Message("help"), token);

        AssertRefused(response, HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Post_WrongIssuer_Returns401()
    {
        var token = TokenMinter.Mint(_env.Key.Credentials, TeamsTestEnvironment.AppId, ServiceUrl, issuer: "https://sts.windows.net/attacker/");

        using var response = await _env.PostAsync(Message("help"), token);

        AssertRefused(response, HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Post_PublishedKeyButRs384_Returns401()
    {
        var token = TokenMinter.Mint(_env.Key.CredentialsFor(Microsoft.IdentityModel.Tokens.SecurityAlgorithms.RsaSha384), TeamsTestEnvironment.AppId, ServiceUrl);

        using var response = await _env.PostAsync(Message("help"), token);

        AssertRefused(response, HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Post_UnknownKid_Returns401()
    {
        using var unknown = new TestSigningKey("unpublished-key", "msteams");
        var token = TokenMinter.Mint(unknown.Credentials, TeamsTestEnvironment.AppId, ServiceUrl);

        using var response = await _env.PostAsync(Message("help"), token);

        AssertRefused(response, HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Post_ServiceUrlClaimDiffersFromActivity_Returns403()
    {
        var token = TokenMinter.Mint(_env.Key.Credentials, TeamsTestEnvironment.AppId, "https://smba.trafficmanager.net/amer/");

        using var response = await _env.PostAsync(Message("help"), token);

        AssertRefused(response, HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Post_SigningKeyNotEndorsedForChannel_Returns403()
    {
        using var slackOnly = new TestSigningKey("key-2", "slack");
        _env.Issuer.Publish(_env.Key, slackOnly);
        var token = TokenMinter.Mint(slackOnly.Credentials, TeamsTestEnvironment.AppId, ServiceUrl);

        var response = await PollAsync(token, r => r.StatusCode != HttpStatusCode.Unauthorized);

        AssertRefused(response, HttpStatusCode.Forbidden);
        response.Dispose();
    }

    [Fact]
    public async Task Post_KeyRotatedAfterStartup_AcceptedOnceKeysAreRefreshed()
    {
        using var rotated = new TestSigningKey("key-rotated", "msteams");
        using var warmUp = await _env.PostAsync(Message("help"), _env.Token());
        _env.Issuer.Publish(rotated);
        var token = TokenMinter.Mint(rotated.Credentials, TeamsTestEnvironment.AppId, ServiceUrl);

        using var response = await PollAsync(token, r => r.StatusCode == HttpStatusCode.OK);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(_env.Issuer.KeyRequests >= 2);
    }

    private string ServiceUrl => _env.Connector.ServiceUrl.ToString();

    private JsonObject Message(string text)
    {
        var activity = _env.Fixture("teams-message-channel-mention.json");
        activity["text"] = "<at>ridotest</at> " + text;
        return activity;
    }

    private void AssertRefused(HttpResponseMessage response, HttpStatusCode expected)
    {
        Assert.Equal(expected, response.StatusCode);
        Assert.Empty(_env.Host.Dispatcher.Commands);
        Assert.Empty(_env.Connector.Requests);
    }

    /// <summary>Key refresh happens in the background after an unknown kid; poll (generously) until it lands.</summary>
    private async Task<HttpResponseMessage> PollAsync(string token, Func<HttpResponseMessage, bool> done)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var response = await _env.PostAsync(Message("help"), token);
            if (done(response) || DateTime.UtcNow > deadline)
                return response;
            response.Dispose();
            await Task.Delay(200);
        }
    }
}
