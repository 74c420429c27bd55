using ChatOps.Teams.Tests.Support;
using Microsoft.Extensions.Options;

namespace ChatOps.Teams.Tests.Options;

/// <summary>Bad settings stop the app at start-up with a message naming the key.</summary>
public sealed class OptionsValidationTests
{
    [Fact]
    public async Task Start_HttpMetadataUrlWithHttpsRequired_FailsNamingKey()
    {
        var settings = new Dictionary<string, string?>
        {
            ["MicrosoftAppId"] = "app",
            ["MicrosoftAppPassword"] = "secret",
            ["ToBotFromChannelOpenIdMetadataUrl"] = "http://127.0.0.1:9/v1/.well-known/openidconfiguration",
        };

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => TeamsHost.StartAsync(settings, "Production"));

        Assert.Contains("ToBotFromChannelOpenIdMetadataUrl must use https", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_AppIdWithoutPassword_FailsNamingKey()
    {
        var settings = new Dictionary<string, string?> { ["MicrosoftAppId"] = "app" };

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => TeamsHost.StartAsync(settings, "Production"));

        Assert.Contains("MicrosoftAppPassword is required", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_SingleTenantWithoutTenantId_FailsNamingKey()
    {
        var settings = new Dictionary<string, string?>
        {
            ["MicrosoftAppId"] = "app",
            ["MicrosoftAppPassword"] = "secret",
            ["MicrosoftAppType"] = "SingleTenant",
        };

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => TeamsHost.StartAsync(settings, "Production"));

        Assert.Contains("MicrosoftAppTenantId is required", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_NonPositiveRefreshInterval_FailsNamingKey()
    {
        var settings = new Dictionary<string, string?> { ["Teams:MetadataRefreshInterval"] = "00:00:00" };

        // Both option types report it (the Bot Framework check reads the Teams section), hence an aggregate.
        var error = await Assert.ThrowsAnyAsync<Exception>(() => TeamsHost.StartAsync(settings, "Development"));

        Assert.Contains("Teams:MetadataRefreshInterval", error.Message, StringComparison.Ordinal);
    }
}
