using Microsoft.Extensions.Options;

namespace ChatOps.Bot.Tests.Security;

/// <summary>The real host stops at start-up on a guessable secret (the black-box case).</summary>
public sealed class SecretStartupTests
{
    [Fact]
    public void Start_SlackSigningSecretIsAKeyVaultReference_Refused()
    {
        using var factory = new BotFactory(new Dictionary<string, string?>
        {
            ["Slack:SigningSecret"] = "@Microsoft.KeyVault(VaultName=kv-chatops-prod-abc123;SecretName=slack-signing-secret)",
        });

        var refused = Assert.Throws<OptionsValidationException>(() => factory.CreateClient());

        Assert.Contains("Slack:SigningSecret is an unresolved Key Vault reference", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Start_ShortGateToken_Refused()
    {
        using var factory = new BotFactory(new Dictionary<string, string?> { ["Gates:Token"] = "gate-token" });

        var refused = Assert.Throws<OptionsValidationException>(() => factory.CreateClient());

        Assert.Contains("Gates:Token", refused.Message, StringComparison.Ordinal);
    }
}
