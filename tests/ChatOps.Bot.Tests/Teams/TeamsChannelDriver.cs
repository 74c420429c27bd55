using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using ChatOps.Teams;
using ChatOps.Teams.Tests.Fakes;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace ChatOps.Bot.Tests.Teams;

/// <summary>
/// Plays a Teams channel against the whole bot on Azurite (unique table prefix): signed message activities with
/// mentions, and Action.Execute invokes on a card; the bot's answers arrive at the fake Connector.
/// </summary>
internal sealed class TeamsChannelDriver : IAsyncDisposable
{
    public const string AppId = "0b6fe6d1-fece-44f7-9a48-56465e2d5ab8";
    public const string GateToken = "teams-e2e-gate-token-0123456789abcdef";

    private readonly TestSigningKey _key = new("e2e-key", "msteams");
    private FakeBotFrameworkIssuer _issuer = null!;
    private FakeTokenEndpoint _tokens = null!;
    private HttpClient _client = null!;
    private string _token = "";
    private int _nextId = 1000;
    private string _lastId = "";
    private bool _repeat;

    public FakeConnector Connector { get; private set; } = null!;

    public WebApplicationFactory<Program> Factory { get; private set; } = null!;

    /// <summary>Tenant, channel and thread of the recorded channel message in TestData.</summary>
    public string TenantId { get; private set; } = "";

    public string ConversationId { get; private set; } = "";

    /// <summary>The Entra token endpoint the bot gets its Connector and Graph tokens from.</summary>
    public FakeTokenEndpoint Tokens => _tokens;

    /// <summary>Starts the bot with <paramref name="settings"/> added to the driver's own, and <paramref name="services"/> over its services.</summary>
    public static async Task<TeamsChannelDriver> StartAsync(
        Func<TeamsChannelDriver, IDictionary<string, string?>>? settings = null, Action<IServiceCollection>? services = null)
    {
        var driver = new TeamsChannelDriver();
        driver._issuer = await FakeBotFrameworkIssuer.StartAsync(driver._key);
        driver.Connector = await FakeConnector.StartAsync();
        driver._tokens = await FakeTokenEndpoint.StartAsync();
        var template = Template(driver.Connector.ServiceUrl);
        driver.TenantId = template["conversation"]!["tenantId"]!.ToString();
        driver.ConversationId = template["conversation"]!["id"]!.ToString();
        var extra = settings?.Invoke(driver) ?? new Dictionary<string, string?>();
        driver.Factory = new BotFactory(new Dictionary<string, string?>(extra)
        {
            ["MicrosoftAppId"] = AppId,
            ["MicrosoftAppPassword"] = "e2e-secret",
            ["ToBotFromChannelOpenIdMetadataUrl"] = driver._issuer.MetadataUrl.ToString(),
            ["ToChannelFromBotLoginUrl"] = driver._tokens.BotFrameworkAuthority.ToString(),
            ["Teams:RequireHttpsMetadata"] = "false",
            ["Teams:ServiceUrlHosts:0"] = "127.0.0.1",
            ["Teams:RequireHttpsServiceUrl"] = "false",
            ["Gates:Token"] = GateToken,
            ["Gates:TenantId"] = driver.TenantId,
        }).WithWebHostBuilder(web => web.ConfigureTestServices(test =>
        {
            test.AddHttpClient(TeamsChannelExtensions.MsalHttpClientName)
                .ConfigurePrimaryHttpMessageHandler(() => TrustingHandler.Create(driver._tokens.Certificate));
            services?.Invoke(test);
        }));
        driver._client = driver.Factory.CreateClient();
        driver._token = TokenMinter.Mint(driver._key.Credentials, AppId, driver.Connector.ServiceUrl.ToString());
        return driver;
    }

    /// <summary>Types <paramref name="text"/> as <paramref name="user"/>; <c>@name</c> of a known user becomes a Teams mention. Returns the replies.</summary>
    public Task<IReadOnlyList<TeamsReply>> SayAsync(TeamsUser user, string text, params TeamsUser[] mentioned) =>
        SayInAsync(null, user, text, mentioned);

    /// <summary>As <see cref="SayAsync"/>, in a thread of another channel of the same team (<paramref name="channelId"/>; null: the recorded one).</summary>
    public async Task<IReadOnlyList<TeamsReply>> SayInAsync(string? channelId, TeamsUser user, string text, params TeamsUser[] mentioned)
    {
        var activity = Template(Connector.ServiceUrl);
        if (channelId is not null)
        {
            activity["conversation"]!["id"] = channelId + ";messageid=" + NextId();
            activity["channelData"]!["channel"]!["id"] = channelId;
            activity["channelData"]!["teamsChannelId"] = channelId;
        }

        var id = _repeat ? _lastId : NextId();
        _lastId = id;
        activity["id"] = id;
        activity["from"] = user.Account();
        var entities = activity["entities"]!.AsArray();
        foreach (var person in mentioned)
        {
            text = text.Replace("@" + person.Name, $"<at>{person.Name}</at>", StringComparison.Ordinal);
            entities.Add(new JsonObject { ["type"] = "mention", ["text"] = $"<at>{person.Name}</at>", ["mentioned"] = person.Account() });
        }

        activity["text"] = "<at>ridotest</at> " + text;
        activity.Remove("attachments");
        var before = Connector.Requests.Count;
        using var response = await PostAsync(activity);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return Connector.Requests.Skip(before).Where(r => r.RawTarget.EndsWith("/activities/" + id, StringComparison.Ordinal))
            .Select(r => new TeamsReply(r, Connector.Requests.ToList().IndexOf(r))).ToList();
    }

    /// <summary>
    /// Types <paramref name="text"/> again as the last message's redelivery (the same activity id, as Teams sends an activity
    /// again when it did not get the bot's answer in time). Returns the replies to it.
    /// </summary>
    public async Task<IReadOnlyList<TeamsReply>> SayAgainAsync(TeamsUser user, string text)
    {
        _repeat = true;
        try
        {
            return await SayAsync(user, text);
        }
        finally
        {
            _repeat = false;
        }
    }

    /// <summary>Clicks an Action.Execute with <paramref name="verb"/> and <paramref name="data"/> on the message <paramref name="cardActivityId"/>.</summary>
    public async Task<JsonObject> InvokeAsync(TeamsUser user, string cardActivityId, string verb, JsonObject data)
    {
        var activity = Template(Connector.ServiceUrl);
        activity["type"] = "invoke";
        activity["name"] = "adaptiveCard/action";
        activity["id"] = NextId();
        activity["from"] = user.Account();
        activity["replyToId"] = cardActivityId;
        activity["value"] = new JsonObject
        {
            ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = verb, ["data"] = data.DeepClone() },
            ["trigger"] = "manual",
        };
        activity.Remove("text");
        activity.Remove("entities");
        activity.Remove("attachments");
        using var response = await PostAsync(activity);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
    }

    public HttpClient Client => _client;

    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        await Factory.DisposeAsync();
        await _tokens.DisposeAsync();
        await Connector.DisposeAsync();
        await _issuer.DisposeAsync();
        _key.Dispose();
    }

    private string NextId() => (++_nextId).ToString(CultureInfo.InvariantCulture);

    private async Task<HttpResponseMessage> PostAsync(JsonObject activity)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages")
        {
            Content = new StringContent(activity.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _token);
        return await _client.SendAsync(request);
    }

    private static JsonObject Template(Uri serviceUrl)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Teams", "TestData", "teams-message-channel-mention.json");
        var activity = JsonNode.Parse(File.ReadAllText(path))!.AsObject();
        activity["serviceUrl"] = serviceUrl.ToString();
        return activity;
    }
}

/// <summary>A person in the test channel.</summary>
internal sealed record TeamsUser(string Id, string Name)
{
    public JsonObject Account() => new() { ["id"] = Id, ["name"] = Name };
}

/// <summary>One message the bot sent to the Connector, and the id the Connector gave it (<c>activity-{n}</c>).</summary>
internal sealed record TeamsReply(ChatOps.Testing.Channels.Teams.RecordedRequest Request, int Position)
{
    public JsonObject Activity => JsonNode.Parse(Request.Body)!.AsObject();

    public string ActivityId => "activity-" + (Position + 1).ToString(CultureInfo.InvariantCulture);

    /// <summary>What a person sees: the text, or the card's summary and content.</summary>
    public string Shown => string.Join('\n', new[] { "text", "summary", "attachments" }.Select(p => Scenario.JsonText.Of(Activity[p])));

    public JsonObject? Card => Activity["attachments"]?[0]?["content"]?.AsObject();
}
