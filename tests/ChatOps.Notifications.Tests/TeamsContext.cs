using System.Globalization;
using ChatOps.Core.Identity;
using ChatOps.Testing.Channels.Teams;

namespace ChatOps.Notifications.Tests;

/// <summary>A fake connector and token endpoint on 127.0.0.1, fresh tables, and bot instances (stacks) against them.</summary>
public sealed class TeamsContext : IAsyncDisposable
{
    private readonly List<NotificationStack> _stacks = [];
    private readonly string _certificateFile = Path.Combine(Path.GetTempPath(), "chatops-token-endpoint-" + Guid.NewGuid().ToString("N") + ".pem");

    private TeamsContext(FakeConnector connector, FakeTokenEndpoint tokens)
    {
        Connector = connector;
        Tokens = tokens;
    }

    public FakeConnector Connector { get; }

    public FakeTokenEndpoint Tokens { get; }

    public string Prefix { get; } = Tables.NewPrefix();

    /// <summary>The token endpoint's certificate as a PEM file, for a child process to trust (SSL_CERT_FILE).</summary>
    public string TrustedCertificateFile
    {
        get
        {
            if (!File.Exists(_certificateFile))
                File.WriteAllText(_certificateFile, Tokens.Certificate.ExportCertificatePem());
            return _certificateFile;
        }
    }

    public static async Task<TeamsContext> StartAsync() => new(await FakeConnector.StartAsync(), await FakeTokenEndpoint.StartAsync());

    public static string User(int n) => "29:u" + n.ToString("D3", CultureInfo.InvariantCulture);

    public static int Number(string user) => int.Parse(user.AsSpan(4), CultureInfo.InvariantCulture);

    public static bool IsStakeholder(string user) => user.StartsWith("29:u", StringComparison.Ordinal);

    /// <summary>One bot instance; short retry delays keep the suite fast (the benchmark uses the real limits).</summary>
    public NotificationStack Instance(int parallelism = 16, TimeSpan? lease = null, int connectorRetries = 2)
    {
        var settings = NotificationStack.TeamsSettings(Tokens);
        settings["Teams:ConnectorRetryDelay"] = "00:00:00.020";
        settings["Teams:ConnectorMaxRetries"] = connectorRetries.ToString(CultureInfo.InvariantCulture);
        settings["Teams:TenantRequestsPerSecond"] = "100000";
        settings["Notifications:RetryDelay"] = "00:00:00.100";
        settings["Notifications:Parallelism"] = parallelism.ToString(CultureInfo.InvariantCulture);
        settings["Notifications:Lease"] = (lease ?? TimeSpan.FromSeconds(30)).ToString("c", CultureInfo.InvariantCulture);
        var stack = NotificationStack.Create(ChannelKind.Teams, Tables.ConnectionString, Prefix, settings, NotificationStack.TrustTokenEndpoint(Tokens.Certificate));
        _stacks.Add(stack);
        return stack;
    }

    /// <summary>
    /// <paramref name="count"/> subscribers of <paramref name="audience"/>; those with an even number already have a
    /// 1:1 chat with the bot (a stored reference), the others get one created on first send.
    /// </summary>
    public async Task SeedAsync(NotificationStack stack, int count, string audience = "users")
    {
        ArgumentNullException.ThrowIfNull(stack);
        await stack.RememberIncidentChannelAsync(Connector.ServiceUrl);
        var users = Enumerable.Range(0, count).Select(User).ToList();
        await stack.SubscribeAsync(audience, users);
        await Parallel.ForEachAsync(users.Where(u => Number(u) % 2 == 0), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (user, _) =>
        {
            var conversation = "a:dm-" + user[3..];
            Connector.KnowConversation(conversation, user);
            await stack.RememberPersonalChatAsync(user, conversation, Connector.ServiceUrl);
        });
    }

    /// <summary>Deliveries of one message per stakeholder.</summary>
    public Dictionary<string, List<ConnectorDelivery>> DeliveredTo(string message) => Connector.Delivered
        .Where(d => IsStakeholder(d.User) && d.Text.Contains(message, StringComparison.Ordinal))
        .GroupBy(d => d.User)
        .ToDictionary(g => g.Key, g => g.ToList());

    public async ValueTask DisposeAsync()
    {
        foreach (var stack in _stacks)
            await stack.DisposeAsync();
        await Connector.DisposeAsync();
        await Tokens.DisposeAsync();
        File.Delete(_certificateFile);
    }
}
