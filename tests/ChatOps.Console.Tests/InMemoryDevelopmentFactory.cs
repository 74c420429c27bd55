using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace ChatOps.Console.Tests;

/// <summary>The bot in Development on the in-memory test server, whose requests carry no loopback remote address.</summary>
public sealed class InMemoryDevelopmentFactory : WebApplicationFactory<Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder) =>
        builder.UseEnvironment("Development").UseSetting("Storage:TablePrefix", "console" + Guid.NewGuid().ToString("N")[..16]);
}
