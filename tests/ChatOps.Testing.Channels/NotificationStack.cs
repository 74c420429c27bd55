using ChatOps.Core;
using ChatOps.Core.Commands;
using ChatOps.Core.Conversations;
using ChatOps.Core.Identity;
using ChatOps.Core.Notifications;
using ChatOps.Core.Storage;
using ChatOps.Slack;
using ChatOps.Storage;
using ChatOps.Teams;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ChatOps.Testing.Channels;

/// <summary>
/// One bot instance's notification path, wired as the Bot wires it: Core's workflow and the real
/// <see cref="NotificationDispatcher"/> over Azure Table stores, and the real Teams or Slack sender with its HTTP stack
/// (MSAL, retries, rate limits). Two stacks on one table prefix are two instances of the bot.
/// </summary>
public sealed class NotificationStack : IAsyncDisposable
{
    public const string Tenant = "tenant-1";
    public const string SlackTeam = "T0TEAM";
    public const string TeamsAppId = "00000000-0000-0000-0000-0000000000b0";
    public const string TeamsAppPassword = "fan-out-secret";
    public const string SlackBotToken = "xoxb-fan-out";

    private readonly ServiceProvider _services;

    private NotificationStack(ServiceProvider services, ChannelKind channel)
    {
        _services = services;
        Channel = channel;
        var tenant = channel == ChannelKind.Teams ? Tenant : SlackTeam;
        IncidentChannel = new ConversationKey(channel, tenant, channel == ChannelKind.Teams ? "19:incident@thread.tacv2" : "C0INCIDENT");
        Commander = new Actor(channel, tenant, channel == ChannelKind.Teams ? "29:alice" : "U0ALICE", "Alice");
    }

    public ChannelKind Channel { get; }

    public ConversationKey IncidentChannel { get; }

    public Actor Commander { get; }

    public string TenantId => IncidentChannel.TenantId;

    public IServiceProvider Services => _services;

    public NotificationDispatcher Dispatcher => _services.GetRequiredService<NotificationDispatcher>();

    public IDeliveryStore Deliveries => _services.GetRequiredService<IDeliveryStore>();

    /// <summary>
    /// Builds an instance on the tables under <paramref name="tablePrefix"/> of <paramref name="connectionString"/>.
    /// <paramref name="settings"/> are configuration keys as the Bot reads them (Teams, Slack, Notifications).
    /// </summary>
    public static NotificationStack Create(ChannelKind channel, string connectionString, string tablePrefix, IDictionary<string, string?> settings,
        Action<IServiceCollection>? configure = null, ILoggerProvider? logs = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var all = new Dictionary<string, string?>(settings)
        {
            ["ConnectionStrings:Tables"] = connectionString,
            ["Storage:TablePrefix"] = tablePrefix,
            // The runner keeps a checkpoint of every commit (signed when flushed); outside Development the key is required.
            ["Audit:Key"] = "notification-stack-audit-key-0123456789abcdef",
        };
        // SubscribeAsync fills tenant-wide subscriptions, which reach an audience only where it is configured TenantWide.
        foreach (var audience in new[] { "it", "management", "users" })
        {
            all.TryAdd($"Notifications:Audiences:{audience}:TenantWide", "true");
        }

        // test.sh lets hosts under test wait longer for a loaded Azurite (Storage__NetworkTimeout); this stack too,
        // unless the test set its own value.
        if (Environment.GetEnvironmentVariable("Storage__NetworkTimeout") is { Length: > 0 } timeout)
        {
            all.TryAdd("Storage:NetworkTimeout", timeout);
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(all).Build();
        var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddLogging(builder =>
            {
                builder.SetMinimumLevel(LogLevel.Warning);
                if (logs is not null)
                    builder.AddProvider(logs);
            });
        services.AddChatOpsCore();
        services.AddChatOpsStorage(configuration);
        if (channel == ChannelKind.Teams)
            services.AddTeamsChannel(configuration);
        else
            services.AddSlackChannel(configuration);
        configure?.Invoke(services);
        return new NotificationStack(services.BuildServiceProvider(), channel);
    }

    /// <summary>Teams settings for a stack against the local token endpoint <paramref name="tokens"/> (trust the token endpoint's certificate with <see cref="TrustTokenEndpoint"/>).</summary>
    public static Dictionary<string, string?> TeamsSettings(Teams.FakeTokenEndpoint tokens) => new()
    {
        ["MicrosoftAppId"] = TeamsAppId,
        ["MicrosoftAppPassword"] = TeamsAppPassword,
        ["ToChannelFromBotLoginUrl"] = tokens.BotFrameworkAuthority.ToString(),
        ["Teams:ServiceUrlHosts:0"] = "127.0.0.1",
        ["Teams:RequireHttpsServiceUrl"] = "false",
    };

    /// <summary>MSAL's HttpClient trusts the local token endpoint's certificate (and nothing else extra).</summary>
    public static Action<IServiceCollection> TrustTokenEndpoint(System.Security.Cryptography.X509Certificates.X509Certificate2 certificate) =>
        services => services.AddHttpClient(TeamsChannelExtensions.MsalHttpClientName)
            .ConfigurePrimaryHttpMessageHandler(() => TrustingHandler.Create(certificate));

    public async Task SubscribeAsync(string audience, IEnumerable<string> users)
    {
        ArgumentNullException.ThrowIfNull(users);
        var subscriptions = _services.GetRequiredService<ISubscriptionStore>();
        await Parallel.ForEachAsync(users, new ParallelOptions { MaxDegreeOfParallelism = 8 },
            async (user, ct) => await subscriptions.SubscribeAsync(Channel, TenantId, audience, user, ct));
    }

    /// <summary>Stores the incident channel's conversation reference (Teams needs its service URL to open 1:1 chats).</summary>
    public Task RememberIncidentChannelAsync(Uri serviceUrl) => _services.GetRequiredService<IConversationReferenceStore>().UpsertAsync(
        new ConversationReference(Channel, TenantId, IncidentChannel.ConversationId, null, serviceUrl.ToString(), "28:" + TeamsAppId, "PatchBot"));

    /// <summary>Stores a 1:1 chat with <paramref name="userId"/> as the bot would after the user spoke to it.</summary>
    public Task RememberPersonalChatAsync(string userId, string conversationId, Uri serviceUrl) => _services.GetRequiredService<IConversationReferenceStore>().UpsertPersonalAsync(
        new ConversationReference(Channel, TenantId, conversationId, userId, serviceUrl.ToString(), "28:" + TeamsAppId, "PatchBot"));

    /// <summary>Types a command into the incident channel as the commander; returns the reply text.</summary>
    public async Task<string> SayAsync(string text, CancellationToken cancellationToken = default)
    {
        var result = await _services.GetRequiredService<ICommandDispatcher>().DispatchAsync(new Command(Commander, IncidentChannel, text), cancellationToken);
        return string.Join("\n", result.Replies.Select(r => r.View.FallbackText));
    }

    /// <summary>Declares an incident and sends one notice to <paramref name="audience"/>; returns the incident and notice ids.</summary>
    public async Task<(string IncidentId, string NoticeId)> DeclareAndNotifyAsync(string audience, string message, CancellationToken cancellationToken = default)
    {
        await SayAsync("declare \"Fan-out drill\"", cancellationToken);
        return await NotifyAsync(audience, message, cancellationToken);
    }

    /// <summary>Sends one notice to <paramref name="audience"/> from the declared incident; returns the incident and notice ids.</summary>
    public async Task<(string IncidentId, string NoticeId)> NotifyAsync(string audience, string message, CancellationToken cancellationToken = default)
    {
        await SayAsync($"notify {audience} \"{message}\"", cancellationToken);
        var incidentId = await _services.GetRequiredService<IIncidentDirectory>().FindAsync(IncidentChannel, cancellationToken)
            ?? throw new InvalidOperationException("No incident is declared in the incident channel.");
        var snapshot = await _services.GetRequiredService<IIncidentStore>().GetAsync(TenantId, incidentId, cancellationToken);
        return (incidentId, snapshot!.Incident.Notices.Last(n => n.Message == message).Id);
    }

    /// <summary>Runs dispatcher passes until no delivery of the notice is pending (or <paramref name="cancellationToken"/> ends it).</summary>
    public async Task DrainAsync(string incidentId, string noticeId, CancellationToken cancellationToken)
    {
        while (true)
        {
            var handled = await Dispatcher.RunOnceAsync(cancellationToken);
            var deliveries = await Deliveries.ListAsync(TenantId, incidentId, noticeId, cancellationToken);
            if (deliveries.Count > 0 && deliveries.All(d => d.Status != DeliveryStatus.Pending))
                return;
            if (handled == 0)
                await Task.Delay(TimeSpan.FromMilliseconds(50), cancellationToken);
        }
    }

    /// <summary>Every delivery row of a notice, as stored.</summary>
    public Task<IReadOnlyList<Delivery>> ListAsync(string incidentId, string noticeId) => Deliveries.ListAsync(TenantId, incidentId, noticeId);

    public async Task<Core.Incidents.Incident> IncidentAsync(string incidentId) =>
        (await _services.GetRequiredService<IIncidentStore>().GetAsync(TenantId, incidentId))!.Incident;

    public ValueTask DisposeAsync() => _services.DisposeAsync();
}
