using ChatOps.Bot.Tests.Security;

namespace ChatOps.Bot.Tests.Ci;

/// <summary>The real host stops at start-up on a CI host it cannot use, naming the setting and never the token.</summary>
public sealed class CiStartupTests
{
    [Fact]
    public void Start_CiTokenIsAnUnresolvedKeyVaultReference_Refused()
    {
        var refused = Failures(new Dictionary<string, string?>
        {
            ["Ci:Hosts:github:Kind"] = "GitHub",
            ["Ci:Hosts:github:BaseUrl"] = "https://github.com",
            ["Ci:Hosts:github:ApiUrl"] = "https://api.github.com",
            ["Ci:Hosts:github:Token"] = "@Microsoft.KeyVault(VaultName=kv-chatops;SecretName=ci-github-token)",
        });

        Assert.Contains(refused, m => m.Contains("Ci:Hosts:github:Token is an unresolved Key Vault reference", StringComparison.Ordinal));
    }

    [Fact]
    public void Start_CiHostWithoutToken_RefusedNamingTheSetting()
    {
        var refused = Failures(new Dictionary<string, string?>
        {
            ["Ci:Hosts:ado:Kind"] = "AzureDevOps",
            ["Ci:Hosts:ado:BaseUrl"] = "https://dev.azure.com/contoso",
            ["Ci:Hosts:ado:ApiUrl"] = "https://dev.azure.com",
        });

        Assert.Contains(refused, m => m.Contains("Ci:Hosts:ado:Token is missing", StringComparison.Ordinal));
    }

    private static List<string> Failures(Dictionary<string, string?> settings)
    {
        var thrown = SecretStartupTests.StartFailure(settings);
        return (thrown is AggregateException all ? all.Flatten().InnerExceptions : [thrown]).Select(e => e.Message).ToList();
    }
}
