using ChatOps.Bot.Security;
using Microsoft.Extensions.Configuration;

namespace ChatOps.Bot.Tests.Security;

/// <summary>Start-up refuses secrets that can be guessed, naming the setting and never its value (issue 19, item 1).</summary>
public sealed class SecretSettingsValidatorTests
{
    private const string Reference = "@Microsoft.KeyVault(VaultName=kv-chatops-prod-abc123;SecretName=slack-signing-secret)";

    [Theory]
    [InlineData("Slack:SigningSecret")]
    [InlineData("Slack:BotToken")]
    [InlineData("MicrosoftAppPassword")]
    [InlineData("Gates:Token")]
    [InlineData("Reports:SigningKey")]
    [InlineData("Audit:Key")]
    [InlineData("ConnectionStrings:Tables")]
    public void Validate_UnresolvedKeyVaultReference_FailsNamingTheSetting(string key)
    {
        var result = Validate(new() { [key] = Reference });

        Assert.True(result.Failed);
        Assert.Contains($"{key} is an unresolved Key Vault reference", result.FailureMessage, StringComparison.Ordinal);
        Assert.DoesNotContain("kv-chatops-prod-abc123", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_GateTokenOf31Characters_Fails()
    {
        var result = Validate(new() { ["Gates:Token"] = new string('g', 31) });

        Assert.Contains("Gates:Token must be at least 32 characters", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_NamedGateClientTokenTooShort_FailsNamingTheClient()
    {
        var result = Validate(new() { ["Gates:Clients:deploy-web:Token"] = "short" });

        Assert.Contains("Gates:Clients:deploy-web:Token must be at least 32 characters", result.FailureMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Reports:SigningKey")]
    [InlineData("Audit:Key")]
    public void Validate_KeyOf31Bytes_Fails(string key)
    {
        var result = Validate(new() { [key] = new string('k', 31) });

        Assert.Contains($"{key} must be at least 32 bytes", result.FailureMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("e2e-signing-secret")]
    [InlineData("8f742231b10e8888abcd99yyyzzz85a5")]
    [InlineData("8f742231b10e8888abcd99a0b1c285a5ff")]
    public void Validate_SlackSigningSecretNot32Hex_Fails(string secret)
    {
        var result = Validate(new() { ["Slack:SigningSecret"] = secret });

        Assert.Contains("Slack:SigningSecret must be the 32 hexadecimal characters", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_StrongSecrets_Succeeds()
    {
        var result = Validate(new()
        {
            ["Slack:SigningSecret"] = "8f742231b10e8888abcd99a0b1c285a5",
            ["Gates:Token"] = new string('g', 32),
            ["Reports:SigningKey"] = new string('r', 32),
            ["Audit:Key"] = new string('a', 32),
        });

        Assert.True(result.Succeeded);
    }

    [Fact]
    public void Validate_NothingConfigured_Succeeds()
    {
        var result = Validate(new());

        Assert.True(result.Succeeded);
    }

    private static Microsoft.Extensions.Options.ValidateOptionsResult Validate(Dictionary<string, string?> values)
    {
        var settings = new SecretSettings();
        settings.Load(new ConfigurationBuilder().AddInMemoryCollection(values).Build());
        return new SecretSettingsValidator().Validate(null, settings);
    }
}
