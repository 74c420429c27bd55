using ChatOps.Teams.Connector;
using ChatOps.Teams.Options;

namespace ChatOps.Teams.Tests.Connector;

public sealed class BotAuthorityTests
{
    [Fact]
    public void Resolve_Defaults_BotFrameworkTenantWithDiscovery()
    {
        var authority = BotAuthority.Resolve(new BotFrameworkOptions());

        Assert.Equal("https://login.microsoftonline.com/botframework.com", authority.ToString());
        Assert.True(BotAuthority.UseInstanceDiscovery(authority));
    }

    [Fact]
    public void Resolve_SingleTenant_ReplacesTenant()
    {
        var options = new BotFrameworkOptions { MicrosoftAppType = "SingleTenant", MicrosoftAppTenantId = "3f2c1a00-0000-4000-8000-000000000001" };

        var authority = BotAuthority.Resolve(options);

        Assert.Equal("https://login.microsoftonline.com/3f2c1a00-0000-4000-8000-000000000001", authority.ToString());
    }

    [Fact]
    public void UseInstanceDiscovery_OtherHost_Off()
    {
        var authority = BotAuthority.Resolve(new BotFrameworkOptions { ToChannelFromBotLoginUrl = "https://127.0.0.1:8443/botframework.com" });

        Assert.False(BotAuthority.UseInstanceDiscovery(authority));
    }

    [Theory]
    [InlineData("https://api.botframework.com", "https://api.botframework.com/.default")]
    [InlineData("https://api.botframework.com/", "https://api.botframework.com/.default")]
    [InlineData("https://api.botframework.com/.default", "https://api.botframework.com/.default")]
    public void Scope_ResourceOrDefaultScope_AlwaysDotDefault(string configured, string expected)
    {
        var scope = BotAuthority.Scope(new BotFrameworkOptions { ToChannelFromBotOAuthScope = configured });

        Assert.Equal(expected, scope);
    }
}
