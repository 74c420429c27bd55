using ChatOps.Bot.Gates;

namespace ChatOps.Bot.Tests.Gates;

public class GatesOptionsValidatorTests
{
    private const string Token = "gate-token-for-validator-tests-0123456789";

    [Fact]
    public void Validate_TokenWithoutTenant_FailsNamingGatesTenantId()
    {
        var result = Validate(new GatesOptions { Token = Token });

        Assert.Contains("Gates:TenantId", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_ShortToken_FailsNamingGatesToken()
    {
        var result = Validate(new GatesOptions { Token = "short", TenantId = "t" });

        Assert.Contains("Gates:Token must be at least 32", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_ClientHashNotHex_FailsNamingTheClient()
    {
        var options = new GatesOptions { Clients = { ["ci"] = new GateClientOptions { TokenSha256 = Token, TenantId = "t" } } };

        var result = Validate(options);

        Assert.Contains("Gates:Clients:ci:TokenSha256", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_ClientWithoutTenant_FailsNamingTheClient()
    {
        var options = new GatesOptions { Clients = { ["ci"] = new GateClientOptions { TokenSha256 = new string('a', 64) } } };

        var result = Validate(options);

        Assert.Contains("Gates:Clients:ci:TenantId", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_OidcIssuerWithoutAudience_FailsNamingTheIssuer()
    {
        var result = Validate(GitHub("repo:contoso/web:environment:production", audience: null));

        Assert.Contains("Gates:Oidc:github:Audiences", result.FailureMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("*")]
    [InlineData("repo:*")]
    [InlineData("repo:*/web:environment:production")]
    [InlineData("environment:production")]
    public void Validate_GitHubSubjectNotNamingTheOwner_Fails(string subject)
    {
        var result = Validate(GitHub(subject));

        Assert.Contains("Gates:Oidc:github:Subjects:0:Subject", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_GitHubSubjectOfOneOwner_Succeeds()
    {
        var result = Validate(GitHub("repo:contoso/*"));

        Assert.True(result.Succeeded, result.FailureMessage);
    }

    [Fact]
    public void Validate_NoClientsAtAll_Succeeds()
    {
        var result = Validate(new GatesOptions());

        Assert.True(result.Succeeded, result.FailureMessage);
    }

    private static GatesOptions GitHub(string subject, string? audience = "chatops-gate") => new()
    {
        Oidc =
        {
            ["github"] = new GateOidcIssuerOptions
            {
                Issuer = "https://token.actions.githubusercontent.com",
                Audiences = audience is null ? [] : [audience],
                Subjects = [new GateOidcSubjectOptions { Subject = subject, TenantId = "t" }],
            },
        },
    };

    private static Microsoft.Extensions.Options.ValidateOptionsResult Validate(GatesOptions options) => new GatesOptionsValidator().Validate(null, options);
}
