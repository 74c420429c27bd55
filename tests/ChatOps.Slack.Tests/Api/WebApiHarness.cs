using ChatOps.Slack.Tests.Fakes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ChatOps.Slack.Tests.Api;

/// <summary>The Slack Web API client as AddSlackChannel registers it, pointed at a fake Slack on 127.0.0.1.</summary>
internal sealed class WebApiHarness : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private WebApiHarness(FakeSlackWebApi api, ServiceProvider services)
    {
        Api = api;
        _services = services;
    }

    public FakeSlackWebApi Api { get; }

    public static async Task<WebApiHarness> StartAsync(Action<Dictionary<string, string?>>? configure = null, TimeProvider? time = null)
    {
        var api = await FakeSlackWebApi.StartAsync();
        var settings = new Dictionary<string, string?>
        {
            ["Slack:BotToken"] = SlackTestHost.BotToken,
            ["Slack:ApiBaseUrl"] = api.ApiBaseUrl.ToString(),
            ["Slack:ResponseUrlHosts:0"] = "127.0.0.1",
            ["Slack:ChannelPostInterval"] = "00:00:00.001",
        };
        configure?.Invoke(settings);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        if (time is not null)
        {
            services.AddSingleton(time);
        }

        services.AddSlackChannel(configuration);
        return new WebApiHarness(api, services.BuildServiceProvider());
    }

    public T Get<T>()
        where T : notnull => _services.GetRequiredService<T>();

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await Api.DisposeAsync();
    }
}
