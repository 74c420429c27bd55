using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using ChatOps.Core.Conversations;
using ChatOps.Core.Idempotency;
using ChatOps.Teams;
using ChatOps.Teams.Tests.Fakes;
using ChatOps.Testing;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace ChatOps.Bot.Tests.Teams;

/// <summary>
/// The whole bot (<c>Program</c>) against a local Bot Framework: a signed activity in, the answer out at the
/// Connector with the bot's own token from the (HTTPS) token endpoint.
/// </summary>
public sealed class TeamsEndToEndTests : IAsyncLifetime
{
    private const string AppId = "0b6fe6d1-fece-44f7-9a48-56465e2d5ab8";
    private readonly TestSigningKey _key = new("e2e-key", "msteams");
    private FakeBotFrameworkIssuer _issuer = null!;
    private FakeConnector _connector = null!;
    private FakeTokenEndpoint _tokens = null!;
    private WebApplicationFactory<Program> _factory = null!;

    public async Task InitializeAsync()
    {
        _issuer = await FakeBotFrameworkIssuer.StartAsync(_key);
        _connector = await FakeConnector.StartAsync();
        _tokens = await FakeTokenEndpoint.StartAsync();
        _factory = new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
        {
            web.UseSetting("MicrosoftAppId", AppId);
            web.UseSetting("MicrosoftAppPassword", "e2e-secret");
            web.UseSetting("ToBotFromChannelOpenIdMetadataUrl", _issuer.MetadataUrl.ToString());
            web.UseSetting("ToChannelFromBotLoginUrl", _tokens.BotFrameworkAuthority.ToString());
            web.UseSetting("Teams:RequireHttpsMetadata", "false");
            web.UseSetting("Teams:ServiceUrlHosts:0", "127.0.0.1");
            web.UseSetting("Teams:RequireHttpsServiceUrl", "false");
            web.ConfigureTestServices(services =>
            {
                services.AddSingleton<IConversationReferenceStore, InMemoryConversationReferenceStore>();
                services.AddSingleton<IIdempotencyStore, InMemoryIdempotencyStore>();
                services.AddHttpClient(TeamsChannelExtensions.MsalHttpClientName)
                    .ConfigurePrimaryHttpMessageHandler(() => TrustingHandler.Create(_tokens.Certificate));
            });
        });
        await Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _factory.DisposeAsync();
        await _tokens.DisposeAsync();
        await _connector.DisposeAsync();
        await _issuer.DisposeAsync();
        _key.Dispose();
    }

    [Fact]
    public async Task PostHelp_SignedActivity_ReplyAtConnectorWithBotToken()
    {
        using var client = _factory.CreateClient();
        var token = TokenMinter.Mint(_key.Credentials, AppId, _connector.ServiceUrl.ToString());

        using var response = await PostAsync(client, HelpMessage(), token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var reply = Assert.Single(await _connector.WaitForRequestsAsync(1));
        Assert.Equal("Bearer " + FakeTokenEndpoint.TokenNumber(1), reply.Authorization);
        Assert.EndsWith("/activities/1759944781430", reply.RawTarget, StringComparison.Ordinal);
        Assert.Contains("Declare an incident in this channel", JsonNode.Parse(reply.Body)!.ToJsonString(), StringComparison.Ordinal);
        var (_, form) = Assert.Single(_tokens.Requests);
        Assert.Equal(AppId, form["client_id"]);
    }

    [Fact]
    public async Task PostHelp_Unsigned_Refused401AndNothingSent()
    {
        using var client = _factory.CreateClient();

        using var response = await PostAsync(client, HelpMessage(), token: null);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(_connector.Requests);
        Assert.Empty(_tokens.Requests);
    }

    private JsonObject HelpMessage()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Teams", "TestData", "teams-message-channel-mention.json");
        var activity = JsonNode.Parse(File.ReadAllText(path))!.AsObject();
        activity["text"] = "<at>ridotest</at> help";
        activity["serviceUrl"] = _connector.ServiceUrl.ToString();
        return activity;
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, JsonObject activity, string? token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages")
        {
            Content = new StringContent(activity.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        if (token is not null)
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await client.SendAsync(request);
    }
}
