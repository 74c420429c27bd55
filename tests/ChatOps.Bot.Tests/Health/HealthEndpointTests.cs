using System.Net;
using System.Net.Http.Json;
using ChatOps.Bot.Health;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace ChatOps.Bot.Tests.Health;

[Trait("Category", "Azurite")]
public class HealthEndpointTests
{
    [Fact]
    public async Task Healthz_Always_Returns200()
    {
        await using var factory = new WebApplicationFactory<Program>();

        var response = await factory.CreateClient().GetAsync(new Uri("/healthz", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Readyz_StorageReachable_Returns200()
    {
        await using var factory = new WebApplicationFactory<Program>();

        var response = await factory.CreateClient().GetAsync(new Uri("/readyz", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Readyz_StorageUnreachable_Returns503WithReason()
    {
        // A port nothing listens on: connection refused.
        const string deadStorage = "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;TableEndpoint=http://127.0.0.1:9/devstoreaccount1;";
        await using var factory = new WebApplicationFactory<Program>()
            .WithWebHostBuilder(b => b.UseSetting("ConnectionStrings:Tables", deadStorage));

        var response = await factory.CreateClient().GetAsync(new Uri("/readyz", UriKind.Relative));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<HealthStatus>();
        Assert.Equal("not ready", body!.Status);
        Assert.False(string.IsNullOrWhiteSpace(body.Reason));
    }

    [Fact]
    public void Startup_MalformedStorageSetting_StopsWithMessageNamingTheKey()
    {
        using var factory = new WebApplicationFactory<Program>()
            .WithWebHostBuilder(b => b.UseSetting("Storage:TablePrefix", "not-valid!"));

        var error = Assert.ThrowsAny<Exception>(() => factory.CreateClient());

        Assert.Contains("Storage:TablePrefix", error.ToString(), StringComparison.Ordinal);
    }
}
