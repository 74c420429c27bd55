using System.Net;
using System.Security.Cryptography.X509Certificates;
using ChatOps.Core.Commands;
using ChatOps.Core.Conversations;
using ChatOps.Core.Idempotency;
using ChatOps.Teams.Tests.Fakes;
using ChatOps.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace ChatOps.Teams.Tests.Support;

/// <summary>
/// A real app on 127.0.0.1 with only the Teams channel: <c>AddTeamsChannel</c> + <c>MapTeamsEndpoints</c>, in-memory
/// settings and hand-written fakes of the Core ports.
/// </summary>
public sealed class TeamsHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private TeamsHost(WebApplication app, Uri baseAddress, ScriptedDispatcher dispatcher, InMemoryConversationReferenceStore references)
    {
        _app = app;
        Dispatcher = dispatcher;
        References = references;
        Client = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(60) };
    }

    public HttpClient Client { get; }

    public ScriptedDispatcher Dispatcher { get; }

    public InMemoryConversationReferenceStore References { get; }

    public FakeLogCollector Logs => _app.Services.GetFakeLogCollector();

    public IServiceProvider Services => _app.Services;

    /// <summary>Builds the app; throws (e.g. <c>OptionsValidationException</c>) if it does not start.</summary>
    public static async Task<TeamsHost> StartAsync(IDictionary<string, string?> settings, string environment, X509Certificate2? trustedRoot = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = environment });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Logging.ClearProviders();
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(2));
        builder.Services.AddFakeLogging();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        builder.Services.AddTeamsChannel(builder.Configuration);
        var dispatcher = new ScriptedDispatcher();
        var references = new InMemoryConversationReferenceStore();
        builder.Services.AddSingleton<ICommandDispatcher>(dispatcher);
        builder.Services.AddSingleton<IConversationReferenceStore>(references);
        builder.Services.AddSingleton<IIdempotencyStore, InMemoryIdempotencyStore>();
        if (trustedRoot is not null)
        {
            builder.Services.AddHttpClient(TeamsChannelExtensions.MsalHttpClientName)
                .ConfigurePrimaryHttpMessageHandler(() => TrustingHandler.Create(trustedRoot));
        }

        var app = builder.Build();
        app.MapTeamsEndpoints();
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new TeamsHost(app, new Uri(address), dispatcher, references);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
