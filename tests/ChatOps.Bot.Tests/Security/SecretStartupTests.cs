using Microsoft.Extensions.Options;

namespace ChatOps.Bot.Tests.Security;

/// <summary>The real host stops at start-up on a guessable secret (the black-box case).</summary>
public sealed class SecretStartupTests
{
    [Fact]
    public void Start_SlackSigningSecretIsAKeyVaultReference_Refused()
    {
        var refused = StartFailure(new Dictionary<string, string?>
        {
            ["Slack:SigningSecret"] = "@Microsoft.KeyVault(VaultName=kv-chatops-prod-abc123;SecretName=slack-signing-secret)",
        });

        Assert.IsType<OptionsValidationException>(refused);
        Assert.Contains("Slack:SigningSecret is an unresolved Key Vault reference", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Start_ShortGateToken_Refused()
    {
        // Both the secret check and the gate options' own check refuse it; start-up may report them together.
        var refused = StartFailure(new Dictionary<string, string?> { ["Gates:Token"] = "gate-token", ["Gates:TenantId"] = "tenant-1" });

        var failures = refused is AggregateException all ? all.Flatten().InnerExceptions : [refused];
        Assert.All(failures, failure => Assert.IsType<OptionsValidationException>(failure));
        Assert.Contains(failures, failure => failure.Message.Contains("Gates:Token must be at least 32 characters", StringComparison.Ordinal));
    }

    /// <summary>
    /// What start-up threw. WebApplicationFactory may lose it: when the app's own start fails and disposes the host
    /// before the factory waits for it, the factory throws ObjectDisposedException instead; then start again.
    /// </summary>
    internal static Exception StartFailure(Dictionary<string, string?> settings)
    {
        for (var attempt = 1; ; attempt++)
        {
            using var factory = new BotFactory(settings);
            var thrown = Assert.ThrowsAny<Exception>(() => factory.CreateClient());
            if (thrown is not ObjectDisposedException || attempt == 5)
                return thrown;
        }
    }
}
