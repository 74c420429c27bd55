using ChatOps.Teams.Connector;
using ChatOps.Teams.Tests.Fakes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ChatOps.Teams.Tests.Support;

/// <summary>The connector client as the app registers it (MSAL, retries, rate limit), against local fakes.</summary>
public sealed class ConnectorHarness : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private ConnectorHarness(ServiceProvider services, FakeConnector connector, FakeTokenEndpoint tokens)
    {
        _services = services;
        Connector = connector;
        Tokens = tokens;
    }

    public FakeConnector Connector { get; }

    public FakeTokenEndpoint Tokens { get; }

    public ConnectorClient Client => _services.GetRequiredService<ConnectorClient>();

    public static async Task<ConnectorHarness> StartAsync(Action<IDictionary<string, string?>>? adjust = null)
    {
        var connector = await FakeConnector.StartAsync();
        var tokens = await FakeTokenEndpoint.StartAsync();
        var settings = new Dictionary<string, string?>
        {
            ["MicrosoftAppId"] = TeamsTestEnvironment.AppId,
            ["MicrosoftAppPassword"] = TeamsTestEnvironment.AppPassword,
            ["ToChannelFromBotLoginUrl"] = tokens.BotFrameworkAuthority.ToString(),
            ["Teams:ConnectorRetryDelay"] = "00:00:00.050",
            ["Teams:ServiceUrlHosts:0"] = "127.0.0.1",
            ["Teams:RequireHttpsServiceUrl"] = "false",
        };
        adjust?.Invoke(settings);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection().AddLogging();
        services.AddTeamsChannel(configuration);
        services.AddHttpClient(TeamsChannelExtensions.MsalHttpClientName)
            .ConfigurePrimaryHttpMessageHandler(() => TrustingHandler.Create(tokens.Certificate));
        return new ConnectorHarness(services.BuildServiceProvider(), connector, tokens);
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await Tokens.DisposeAsync();
        await Connector.DisposeAsync();
    }
}
