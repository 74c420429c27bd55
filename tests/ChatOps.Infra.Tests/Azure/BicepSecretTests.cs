using System.Text.Json.Nodes;

namespace ChatOps.Infra.Tests.Azure;

/// <summary>
/// Issue 19, item 1, read from the <c>bicep build</c> output: no app setting is a Key Vault reference to a secret the
/// deployment may not have written (App Service would hand the app the reference text), the secrets the bot can make
/// up are generated at random when not given, the one it cannot is required, and UserAssignedMSI is not offered.
/// </summary>
[Trait("Category", "Process")] // runs bash or the Bicep CLI
public class BicepSecretTests
{
    private const string KeyVaultReference = "variables('kvRef')";

    private static readonly Lazy<Task<JsonObject>> Main = new(() => BicepCli.CompileAsync("main.bicep"));

    [Fact]
    public async Task AppSettings_UnconditionalKeyVaultReferences_PointAtUnconditionalSecrets()
    {
        var app = await ModuleTemplateAsync("app");
        var secrets = await SecretsAsync();

        var referenced = app["variables"]!["botSettings"]!.AsArray()
            .Select(setting => (string)setting!["value"]!)
            .Where(value => value.Contains(KeyVaultReference, StringComparison.Ordinal))
            .Select(SecretName)
            .ToList();

        Assert.NotEmpty(referenced);
        Assert.All(referenced, name => Assert.Null(secrets[name]["condition"]));
    }

    [Fact]
    public async Task AppSettings_SlackReferences_ExistUnderTheSameConditionAsTheirSecrets()
    {
        var app = await ModuleTemplateAsync("app");
        var secrets = await SecretsAsync();

        var slack = (string)app["variables"]!["slackSettings"]!;

        Assert.StartsWith("[if(parameters('slackConfigured'), createArray(", slack, StringComparison.Ordinal);
        Assert.EndsWith(", createArray())]", slack, StringComparison.Ordinal);
        Assert.Equal("[parameters('slackConfigured')]", (string)secrets["Slack-SigningSecret"]["condition"]!);
        Assert.Equal("[parameters('slackConfigured')]", (string)secrets["Slack-BotToken"]["condition"]!);
    }

    [Fact]
    public async Task AppSettings_SlackAppToken_ExistsUnderTheSameConditionAsItsSecret()
    {
        var app = await ModuleTemplateAsync("app");
        var secrets = await SecretsAsync();
        var main = await Main.Value;

        var socket = (string)app["variables"]!["slackSocketModeSettings"]!;

        Assert.StartsWith("[if(parameters('slackSocketMode'), createArray(", socket, StringComparison.Ordinal);
        Assert.Contains("Slack__AppToken", socket, StringComparison.Ordinal);
        Assert.Equal("[parameters('slackSocketMode')]", (string)secrets["Slack-AppToken"]["condition"]!);
        Assert.Equal("[and(variables('slackConfigured'), not(empty(parameters('slackAppToken'))))]", (string)main["variables"]!["slackSocketMode"]!);
        Assert.Equal("securestring", (string)main["parameters"]!["slackAppToken"]!["type"]!);
    }

    [Fact]
    public async Task Main_SlackConfigured_OnlyWithBothSlackSecrets()
    {
        var main = await Main.Value;

        var configured = (string)main["variables"]!["slackConfigured"]!;

        Assert.Equal("[and(not(empty(parameters('slackSigningSecret'))), not(empty(parameters('slackBotToken'))))]", configured);
    }

    [Theory]
    [InlineData("Gates-Token", "gatesToken", "generatedGatesToken")]
    [InlineData("Reports-SigningKey", "reportsSigningKey", "generatedReportsSigningKey")]
    public async Task KeyVault_SecretNotGiven_IsGeneratedFromFreshGuids(string secret, string given, string generated)
    {
        var vault = await ModuleTemplateAsync("keyvault");
        var secrets = await SecretsAsync();

        var value = (string)secrets[secret]["properties"]!["value"]!;
        var fallback = vault["parameters"]![generated]!;

        Assert.Equal($"[if(empty(parameters('{given}')), parameters('{generated}'), parameters('{given}'))]", value);
        Assert.Equal("securestring", (string)fallback["type"]!);
        Assert.Equal("[replace(format('{0}{1}', newGuid(), newGuid()), '-', '')]", (string)fallback["defaultValue"]!);
    }

    [Fact]
    public async Task Main_MicrosoftAppPassword_IsRequired()
    {
        var main = await Main.Value;

        var password = main["parameters"]!["microsoftAppPassword"]!.AsObject();

        Assert.False(password.ContainsKey("defaultValue"));
        Assert.Equal(1, (int)password["minLength"]!);
    }

    [Fact]
    public async Task BuildParams_AppPasswordNotExported_Fails()
    {
        var result = await BicepCli.BuildParamsWithoutAsync("dev.bicepparam", "CHATOPS_MICROSOFT_APP_PASSWORD");

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("CHATOPS_MICROSOFT_APP_PASSWORD", result.StandardError, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("app")]
    [InlineData("bot")]
    public async Task AppType_UserAssignedMsi_IsNotOffered(string? module)
    {
        var template = module is null ? await Main.Value : await ModuleTemplateAsync(module);

        var allowed = template["parameters"]!["microsoftAppType"]!["allowedValues"]!.AsArray().Select(v => (string)v!);

        Assert.Equal(["SingleTenant", "MultiTenant"], allowed);
    }

    // "[format('{0}Gates-Token)', variables('kvRef'))]" -> "Gates-Token"
    private static string SecretName(string value) => value.Split("{0}")[1].Split(")'")[0];

    private static async Task<Dictionary<string, JsonObject>> SecretsAsync() =>
        (await ModuleTemplateAsync("keyvault"))["resources"]!.AsArray()
            .Where(resource => (string)resource!["type"]! == "Microsoft.KeyVault/vaults/secrets")
            .ToDictionary(resource => ((string)resource!["name"]!).Split('\'')[^2], resource => resource!.AsObject());

    private static async Task<JsonObject> ModuleTemplateAsync(string name) =>
        (await Main.Value)["resources"]!.AsArray()
            .Single(resource => (string)resource!["type"]! == "Microsoft.Resources/deployments" && (string)resource["name"]! == name)!
            ["properties"]!["template"]!.AsObject();
}
