using System.Text.Json;
using System.Text.Json.Nodes;
using ChatOps.Core.Conversations;
using ChatOps.Core.Identity;
using ChatOps.Core.Workflow;
using ChatOps.Teams.Activities;
using ChatOps.Teams.Schema;
using ChatOps.Teams.Tests.Fakes;
using ChatOps.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ChatOps.Teams.Tests.Support;

/// <summary>
/// The Teams incident channel provisioner as the app registers it (MSAL, Graph client with retries, connector client)
/// against a local fake Graph, connector and Entra token endpoint. The fake Graph accepts only app-only Graph tokens
/// that the token endpoint issued for the bot's tenant.
/// </summary>
public sealed class GraphHarness : IAsyncDisposable
{
    public const string TenantId = "50612dbb-0237-4969-b378-8d42590f9c00";
    public const string GroupId = "4a6a5a0e-3b1c-4d0a-9a52-0c1f6f1c2e11";
    public const string DeclarerObjectId = "b15a9416-0ad3-4172-9210-7beb711d3f70";
    public const string GraphScope = "https://graph.microsoft.com/.default";

    private readonly ServiceProvider _services;

    private GraphHarness(ServiceProvider services, FakeGraph graph, FakeConnector connector, FakeTokenEndpoint tokens)
    {
        _services = services;
        Graph = graph;
        Connector = connector;
        Tokens = tokens;
    }

    public FakeGraph Graph { get; }

    public FakeConnector Connector { get; }

    public FakeTokenEndpoint Tokens { get; }

    public IConversationProvisioner Provisioner => _services.GetServices<IConversationProvisioner>().Single();

    public InMemoryConversationReferenceStore References => (InMemoryConversationReferenceStore)_services.GetRequiredService<IConversationReferenceStore>();

    public static Actor Declarer { get; } = new(ChannelKind.Teams, TenantId, "29:rido", "rido", DeclarerObjectId);

    public static async Task<GraphHarness> StartAsync(Action<IDictionary<string, string?>>? adjust = null)
    {
        var graph = await FakeGraph.StartAsync();
        var connector = await FakeConnector.StartAsync();
        var tokens = await FakeTokenEndpoint.StartAsync();
        graph.AddTeam(GroupId, "General");
        graph.AcceptToken = token => tokens.IssuedFor(token) is (TenantId, GraphScope);
        var settings = new Dictionary<string, string?>
        {
            ["MicrosoftAppId"] = TeamsTestEnvironment.AppId,
            ["MicrosoftAppPassword"] = TeamsTestEnvironment.AppPassword,
            ["MicrosoftAppType"] = "SingleTenant",
            ["MicrosoftAppTenantId"] = TenantId,
            ["ToChannelFromBotLoginUrl"] = tokens.BotFrameworkAuthority.ToString(),
            ["Teams:ConnectorRetryDelay"] = "00:00:00.050",
            ["Teams:GraphBaseUrl"] = graph.BaseUrl.ToString(),
            ["Teams:ServiceUrlHosts:0"] = "127.0.0.1",
            ["Teams:RequireHttpsServiceUrl"] = "false",
        };
        adjust?.Invoke(settings);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection().AddLogging();
        services.AddSingleton<IConversationReferenceStore, InMemoryConversationReferenceStore>();
        services.AddTeamsChannel(configuration);
        services.AddHttpClient(TeamsChannelExtensions.MsalHttpClientName)
            .ConfigurePrimaryHttpMessageHandler(() => TrustingHandler.Create(tokens.Certificate));
        return new GraphHarness(services.BuildServiceProvider(), graph, connector, tokens);
    }

    /// <summary>Makes the recorded channel message (TestData) the current turn; <paramref name="change"/> edits it first.</summary>
    public Activity BeginTurn(Action<JsonObject>? change = null)
    {
        var json = TestData.Load("teams-message-channel-mention.json");
        json["serviceUrl"] = Connector.ServiceUrl.ToString();
        json["channelData"]!["team"]!["aadGroupId"] = GroupId;
        change?.Invoke(json);
        var activity = JsonSerializer.Deserialize(json.ToJsonString(), TeamsJsonContext.Default.Activity)!;
        _services.GetRequiredService<TurnActivity>().Current = activity;
        return activity;
    }

    public static IncidentChannelRequest Request(string title = "Exchange ProxyShell exploitation", params string[] members) =>
        new(Declarer, new ConversationKey(ChannelKind.Teams, TenantId, "19:6848757105754c8981c67612732d9aa7@thread.tacv2"), "INC-2026-0001", title, "inc-1-x", members);

    /// <summary>The body of the n-th request to Graph with <paramref name="method"/>.</summary>
    public JsonObject GraphBody(string method, int index = 0) =>
        JsonNode.Parse(Graph.Requests.Where(r => r.Method == method).ElementAt(index).Body)!.AsObject();

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await Tokens.DisposeAsync();
        await Connector.DisposeAsync();
        await Graph.DisposeAsync();
    }
}
