using ChatOps.Storage;
using Microsoft.Extensions.Options;

namespace ChatOps.Storage.Tests;

/// <summary>
/// Tables in the Azurite that ./test.sh starts (ConnectionStrings__Tables), under a prefix unique to the test
/// class so tests never see each other's rows.
/// </summary>
public sealed class StorageFixture
{
    /// <summary>Longer than the product's 600 ms: the suite's Azurite shares two loaded cores (see test.sh).</summary>
    private static readonly TimeSpan SuiteNetworkTimeout = TimeSpan.FromSeconds(5);

    public StorageFixture()
    {
        ConnectionString = Environment.GetEnvironmentVariable("ConnectionStrings__Tables")
            ?? throw new InvalidOperationException(
                "ConnectionStrings__Tables is not set: run the storage tests through ./test.sh, which starts Azurite.");
        TablePrefix = "t" + Guid.NewGuid().ToString("N")[..20];
    }

    public string ConnectionString { get; }

    public string TablePrefix { get; }

    public ChatOpsTables CreateTables(string? prefix = null, Action<Azure.Data.Tables.TableClientOptions>? configure = null, Microsoft.Extensions.Logging.ILogger<ChatOpsTables>? logger = null) => new(Options.Create(new TableStorageOptions
    {
        ConnectionString = ConnectionString,
        TablePrefix = prefix ?? TablePrefix,
        NetworkTimeout = SuiteNetworkTimeout,
    }), configure, logger);
}
