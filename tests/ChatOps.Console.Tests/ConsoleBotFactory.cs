using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace ChatOps.Console.Tests;

/// <summary>
/// The real bot on Kestrel at a free 127.0.0.1 port, in <paramref name="environment"/>, with storage on the Azurite
/// that ./test.sh starts (<c>ConnectionStrings__Tables</c>) under a table prefix of its own.
/// </summary>
public sealed class ConsoleBotFactory : WebApplicationFactory<Program>
{
    private readonly string _environment;

    public ConsoleBotFactory(string environment = "Development")
    {
        _environment = environment;
        UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
    }

    public string TablePrefix { get; } = "console" + Guid.NewGuid().ToString("N")[..16];

    /// <summary>Starts the server and returns its address, e.g. <c>http://127.0.0.1:41234</c>.</summary>
    public Uri Start()
    {
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        return new Uri(addresses.Single());
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.UseEnvironment(_environment);
        builder.UseSetting("Storage:TablePrefix", TablePrefix);
        // One maintenance window from 5 minutes from now for three hours (a fixed-date cron), so the scenario's typed
        // window lies inside it and a window a day later does not; and management is open for self-subscription.
        var start = DateTimeOffset.UtcNow.AddMinutes(5);
        builder.UseSetting("Policy:MaintenanceWindows:0:Name", "console scenario");
        builder.UseSetting("Policy:MaintenanceWindows:0:Cron", FormattableString.Invariant($"{start.Minute} {start.Hour} {start.Day} {start.Month} *"));
        builder.UseSetting("Policy:MaintenanceWindows:0:Duration", "03:00:00");
        builder.UseSetting("Policy:MaintenanceWindows:0:TimeZone", "UTC");
        builder.UseSetting("Notifications:Audiences:management:Open", "true");
        // Outside Development the host insists on a report-link signing key (Reports:SigningKey) and an audit key (Audit:Key).
        builder.UseSetting("Reports:SigningKey", Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(48)));
        if (_environment != "Development")
        {
            builder.UseSetting("Audit:Key", Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(48)));
        }
    }
}
