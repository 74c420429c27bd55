using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using ChatOps.Teams.Tests.Fakes;

namespace ChatOps.Teams.Tests.Support;

/// <summary>
/// Everything a Teams test talks to, all real servers on 127.0.0.1: the token issuer (metadata + JWKS), the
/// Connector, the Entra token endpoint (HTTPS) and the bot itself.
/// </summary>
public sealed class TeamsTestEnvironment : IAsyncDisposable
{
    public const string AppId = "5e1f0c7a-3b7d-4c47-9a0e-6a8d2f0b7c11";
    public const string AppPassword = "test-app-secret";

    private TeamsTestEnvironment(TestSigningKey key, FakeBotFrameworkIssuer issuer, FakeConnector connector, FakeTokenEndpoint tokens, TeamsHost host)
    {
        Key = key;
        Issuer = issuer;
        Connector = connector;
        Tokens = tokens;
        Host = host;
    }

    public TestSigningKey Key { get; }

    public FakeBotFrameworkIssuer Issuer { get; }

    public FakeConnector Connector { get; }

    public FakeTokenEndpoint Tokens { get; }

    public TeamsHost Host { get; }

    public static async Task<TeamsTestEnvironment> StartAsync(Action<IDictionary<string, string?>>? adjust = null, string environment = "Production", string[]? endorsements = null)
    {
        var key = new TestSigningKey("key-1", endorsements ?? ["msteams"]);
        var issuer = await FakeBotFrameworkIssuer.StartAsync(key);
        var connector = await FakeConnector.StartAsync();
        var tokens = await FakeTokenEndpoint.StartAsync();
        var settings = Settings(issuer, tokens);
        adjust?.Invoke(settings);
        var host = await TeamsHost.StartAsync(settings, environment, tokens.Certificate);
        return new TeamsTestEnvironment(key, issuer, connector, tokens, host);
    }

    public static Dictionary<string, string?> Settings(FakeBotFrameworkIssuer issuer, FakeTokenEndpoint tokens) => new()
    {
        ["MicrosoftAppId"] = AppId,
        ["MicrosoftAppPassword"] = AppPassword,
        ["ToBotFromChannelOpenIdMetadataUrl"] = issuer.MetadataUrl.ToString(),
        ["ToChannelFromBotLoginUrl"] = tokens.BotFrameworkAuthority.ToString(),
        ["Teams:RequireHttpsMetadata"] = "false",
        ["Teams:ServiceUrlHosts:0"] = "127.0.0.1",
        ["Teams:RequireHttpsServiceUrl"] = "false",
        ["Teams:MetadataRefreshInterval"] = "00:00:01",
        ["Teams:ConnectorRetryDelay"] = "00:00:00.050",
    };

    /// <summary>A valid token for an activity at the fake connector's service URL.</summary>
    public string Token() => TokenMinter.Mint(Key.Credentials, AppId, Connector.ServiceUrl.ToString());

    /// <summary>A fixture from TestData with its serviceUrl pointed at the fake connector.</summary>
    public JsonObject Fixture(string name)
    {
        var activity = TestData.Load(name);
        activity["serviceUrl"] = Connector.ServiceUrl.ToString();
        return activity;
    }

    public async Task<HttpResponseMessage> PostAsync(JsonNode activity, string? token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/messages")
        {
            Content = new StringContent(activity.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        if (token is not null)
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await Host.Client.SendAsync(request);
    }

    public async ValueTask DisposeAsync()
    {
        await Host.DisposeAsync();
        await Tokens.DisposeAsync();
        await Connector.DisposeAsync();
        await Issuer.DisposeAsync();
        Key.Dispose();
    }
}
