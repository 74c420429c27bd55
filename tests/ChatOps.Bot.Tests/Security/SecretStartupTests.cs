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
        using var factory = new BotFactory(new Dictionary<string, string?> { ["Gates:Token"] = "gate-token", ["Gates:TenantId"] = "tenant-1" });

        // Both the secret check and the gate options' own check refuse it; start-up may report them together.
        var refused = Assert.ThrowsAny<Exception>(() => factory.CreateClient());

        var failures = refused is AggregateException all ? all.Flatten().InnerExceptions : [refused];
        Assert.All(failures, failure => Assert.IsType<OptionsValidationException>(failure));
        Assert.Contains(failures, failure => failure.Message.Contains("Gates:Token must be at least 32 characters", StringComparison.Ordinal));
    }
}
