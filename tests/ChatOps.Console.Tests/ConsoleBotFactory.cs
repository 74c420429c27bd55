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
        // Outside Development the host insists on a report-link signing key (Reports:SigningKey) and an audit key (Audit:Key).
        builder.UseSetting("Reports:SigningKey", Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(48)));
        if (_environment != "Development")
        {
            builder.UseSetting("Audit:Key", Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(48)));
        }
    }
}
