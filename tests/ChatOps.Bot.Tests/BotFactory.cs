using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace ChatOps.Bot.Tests;

/// <summary>The real host on the Azurite that ./test.sh starts, with its own table prefix and extra settings.</summary>
public sealed class BotFactory(IReadOnlyDictionary<string, string?>? settings = null) : WebApplicationFactory<Program>
{
    /// <summary>Outside Development the host refuses to start without an audit key either.</summary>
    public const string AuditKey = "bot-factory-audit-checkpoint-key-0123456789";

    public string TablePrefix { get; } = "b" + Guid.NewGuid().ToString("N")[..20];

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Storage:TablePrefix", TablePrefix);
        // Outside Development the host refuses to start without a report signing key or an audit key.
        builder.UseSetting("Reports:SigningKey", "bot-factory-report-signing-key-0123456789");
        builder.UseSetting("Audit:Key", AuditKey);
        // Typed windows count as maintenance windows unless a test configures its own (see WorkflowHarness).
        foreach (var (key, value) in ChatOps.Testing.WorkflowHarness.AlwaysOpenMaintenanceWindow)
        {
            builder.UseSetting(key, value);
        }

        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            builder.UseSetting(key, value);
        }
    }
}
