using ChatOps.Core;
using ChatOps.Core.Commands;
using ChatOps.Core.Conversations;
using ChatOps.Core.Identity;
using ChatOps.Core.Reports;
using ChatOps.Core.Views;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace ChatOps.Testing;

/// <summary>Drives Core's dispatcher as a channel would, on in-memory storage and a fake clock.</summary>
public sealed class WorkflowHarness : IDisposable
{
    public const string Tenant = "tenant-1";

    /// <summary>The harness signs checkpoints like production does, unless a test's settings say otherwise.</summary>
    public const string AuditKey = "workflow-harness-audit-key-0123456789abcdef";

    private readonly ServiceProvider _provider;

    public WorkflowHarness(InMemoryStorage? storage = null, FakeTimeProvider? time = null, IDictionary<string, string?>? settings = null, Action<IServiceCollection>? configure = null)
    {
        Storage = storage ?? new InMemoryStorage();
        Time = time ?? new FakeTimeProvider(new DateTimeOffset(2026, 11, 27, 22, 0, 0, TimeSpan.Zero));
        settings ??= new Dictionary<string, string?>();
        var windows = settings.Keys.Any(k => k.StartsWith("Policy:MaintenanceWindows", StringComparison.Ordinal)) ? new Dictionary<string, string?>() : AlwaysOpenMaintenanceWindow;
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Audit:Key"] = AuditKey }).AddInMemoryCollection(windows).AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddSingleton<TimeProvider>(Time)
            .AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance)
            .AddSingleton(typeof(ILogger<>), typeof(NullLogger<>));
        services.AddChatOpsCore();
        Storage.Register(services);
        // The host's report ports stand in as a recording double; a test may register the real ones in configure.
        Reports = new RecordingReports(Time);
        services.AddSingleton<IReportLinks>(Reports).AddSingleton<IReportFormatter>(Reports);
        configure?.Invoke(services);
        _provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
        Dispatcher = _provider.GetRequiredService<ICommandDispatcher>();
    }

    /// <summary>
    /// A maintenance window open at every hour, so that a typed window counts as a maintenance window unless a test
    /// configures its own (any <c>Policy:MaintenanceWindows…</c> key) or none at all (<see cref="NoMaintenanceWindow"/>);
    /// with nothing configured every typed window is a requested window and needs the emergency rule.
    /// </summary>
    public static IReadOnlyDictionary<string, string?> AlwaysOpenMaintenanceWindow { get; } = new Dictionary<string, string?>
    {
        ["Policy:MaintenanceWindows:0:Name"] = "always (tests)",
        ["Policy:MaintenanceWindows:0:Cron"] = "0 * * * *",
        ["Policy:MaintenanceWindows:0:Duration"] = "1.00:00:00",
        ["Policy:MaintenanceWindows:0:TimeZone"] = "UTC",
    };

    /// <summary>The setting that leaves out <see cref="AlwaysOpenMaintenanceWindow"/>: the shipped default, no windows at all.</summary>
    public static KeyValuePair<string, string?> NoMaintenanceWindow { get; } = new("Policy:MaintenanceWindows", null);

    public static Actor Alice { get; } = new(ChannelKind.Teams, Tenant, "29:alice", "Alice");

    public static Actor Bob { get; } = new(ChannelKind.Teams, Tenant, "29:bob", "Bob");

    public static Actor Carol { get; } = new(ChannelKind.Teams, Tenant, "29:carol", "Carol");

    public static ConversationKey Channel { get; } = new(ChannelKind.Teams, Tenant, "19:incident@thread.tacv2");

    public InMemoryStorage Storage { get; }

    public FakeTimeProvider Time { get; }

    /// <summary>The report links and documents Core asked for (unless a test registered other report ports).</summary>
    public RecordingReports Reports { get; }

    public ICommandDispatcher Dispatcher { get; }

    public IServiceProvider Services => _provider;

    /// <summary>Sends text as <paramref name="actor"/>; <c>@name</c> tokens become mentions of 29:name.</summary>
    public Task<CommandResult> SayAsync(string text, Actor? actor = null, ConversationKey? conversation = null)
    {
        var mentions = text.Split(' ', ',', ';').Where(w => w.StartsWith("@29:", StringComparison.Ordinal))
            .Select(w => new MentionedUser(w[1..], char.ToUpperInvariant(w[4]) + w[5..])).ToList();
        return Dispatcher.DispatchAsync(new Command(actor ?? Alice, conversation ?? Channel, text, null, mentions));
    }

    public Task<CommandResult> ClickAsync(string verb, IReadOnlyDictionary<string, string> data, Actor? actor = null, ConversationKey? conversation = null) =>
        Dispatcher.DispatchAsync(new Command(actor ?? Alice, conversation ?? Channel, "", new CardAction(verb, data)));

    /// <summary>All reply texts joined, for assertions.</summary>
    public static string Text(CommandResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return string.Join("\n", result.Replies.Select(r => r.View.FallbackText));
    }

    public static bool IsError(CommandResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return result.Replies.Any(r => r.View is ErrorView);
    }

    public void Dispose() => _provider.Dispose();
}
