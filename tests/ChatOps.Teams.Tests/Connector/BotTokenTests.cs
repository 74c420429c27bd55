using ChatOps.Teams.Schema;
using ChatOps.Teams.Tests.Support;
using Microsoft.Identity.Client;

namespace ChatOps.Teams.Tests.Connector;

/// <summary>Which token the bot presents, from which authority, and when none.</summary>
public sealed class BotTokenTests
{
    [Fact]
    public async Task Send_SingleTenantApp_TokenFromTenantAuthority()
    {
        await using var harness = await ConnectorHarness.StartAsync(s =>
        {
            s["MicrosoftAppType"] = "SingleTenant";
            s["MicrosoftAppTenantId"] = "3f2c1a00-0000-4000-8000-000000000001";
        });

        await harness.Client.SendToConversationAsync(harness.Connector.ServiceUrl, "a:1", Text());

        Assert.Equal("3f2c1a00-0000-4000-8000-000000000001", Assert.Single(harness.Tokens.Requests).Tenant);
    }

    [Fact]
    public async Task Send_NoAppId_SendsWithoutAuthorization()
    {
        await using var harness = await ConnectorHarness.StartAsync(s =>
        {
            s.Remove("MicrosoftAppId");
            s.Remove("MicrosoftAppPassword");
        });

        await harness.Client.SendToConversationAsync(harness.Connector.ServiceUrl, "a:1", Text());

        Assert.Equal(string.Empty, Assert.Single(harness.Connector.Requests).Authorization);
        Assert.Empty(harness.Tokens.Requests);
    }

    [Fact]
    public async Task Send_SecretRejected_ThrowsMsalInvalidClientAndSendsNothing()
    {
        await using var harness = await ConnectorHarness.StartAsync();
        harness.Tokens.RejectSecret = TeamsTestEnvironment.AppPassword;

        var error = await Assert.ThrowsAsync<MsalServiceException>(
            () => harness.Client.SendToConversationAsync(harness.Connector.ServiceUrl, "a:1", Text()));

        Assert.Equal("invalid_client", error.ErrorCode);
        Assert.Empty(harness.Connector.Requests);
    }

    private static Activity Text() => new() { Type = ActivityTypes.Message, Text = "x" };
}
