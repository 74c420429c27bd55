using System.Text.Json.Nodes;

namespace ChatOps.Infra.Tests.Azure;

/// <summary>Checks the compiled main.bicep against the bot's configuration keys (docs/ARCHITECTURE.md,
/// "Configuration": environment variables use '__' for ':') and its endpoints.</summary>
[Trait("Category", "Process")] // runs bash or the Bicep CLI
public class BicepTemplateTests
{
    private static readonly Lazy<Task<JsonObject>> Main = new(() => BicepCli.CompileAsync("main.bicep"));

    // Secret configuration key -> Key Vault secret name.
    private static readonly Dictionary<string, string> SecretSettings = new(StringComparer.Ordinal)
    {
        ["MicrosoftAppPassword"] = "MicrosoftAppPassword",
        ["Reports__SigningKey"] = "Reports-SigningKey",
        ["Audit__Key"] = "Audit-Key",
        ["ConnectionStrings__Tables"] = "Tables-ConnectionString",
    };

    [Fact]
    public async Task AppSettings_Names_AreExactlyTheBotConfigurationKeys()
    {
        var settings = await BotSettingsAsync();

        var names = settings.Select(setting => (string)setting!["name"]!).Order(StringComparer.Ordinal);

        string[] expected =
        [
            "Audit__Key", "ConnectionStrings__Tables", "MicrosoftAppId", "MicrosoftAppPassword",
            "MicrosoftAppTenantId", "MicrosoftAppType", "OTEL_SERVICE_NAME", "Reports__PublicBaseUrl", "Reports__SigningKey",
        ];
        Assert.Equal(expected, names);
    }

    [Fact]
    public async Task AppSettings_OptionalKeys_AreAddedOnlyWhenTheirParameterIsSet()
    {
        var app = await ModuleTemplateAsync("app");

        var gates = (string)app["variables"]!["gatesSettings"]!;
        var otlp = (string)app["variables"]!["otlpSettings"]!;

        Assert.Equal("[if(empty(parameters('gatesTenantId')), createArray(), createArray(createObject('name', 'Gates__Token', 'value', format('{0}Gates-Token)', variables('kvRef'))), createObject('name', 'Gates__TenantId', 'value', parameters('gatesTenantId'))))]", gates);
        Assert.Equal("[if(empty(parameters('otlpEndpoint')), createArray(), createArray(createObject('name', 'OTEL_EXPORTER_OTLP_ENDPOINT', 'value', parameters('otlpEndpoint'))))]", otlp);
    }

    [Fact]
    public async Task AppSettings_ReportLinks_PointAtThePublicHostOrTheDefaultHostName()
    {
        var main = await Main.Value;
        var app = await ModuleTemplateAsync("app");
        var settings = await BotSettingsAsync();

        var value = (string)settings.Single(setting => (string)setting!["name"]! == "Reports__PublicBaseUrl")!["value"]!;
        var baseUrl = (string)app["variables"]!["publicBaseUrl"]!;
        var passed = (string)Module(main, "app")["properties"]!["parameters"]!["publicHostName"]!["value"]!;

        Assert.Equal("[variables('publicBaseUrl')]", value);
        Assert.Equal("[format('https://{0}', if(empty(parameters('publicHostName')), format('{0}.azurewebsites.net', parameters('name')), parameters('publicHostName')))]", baseUrl);
        Assert.Equal("[parameters('publicHostName')]", passed);
    }

    [Fact]
    public async Task AppSettings_Secrets_AreKeyVaultReferencesToTheirSecret()
    {
        var app = await ModuleTemplateAsync("app");
        var settings = await BotSettingsAsync();

        Assert.StartsWith("[format('@Microsoft.KeyVault(VaultName={0};SecretName='", (string)app["variables"]!["kvRef"]!, StringComparison.Ordinal);
        foreach (var (key, secret) in SecretSettings)
        {
            var value = (string)settings.Single(setting => (string)setting!["name"]! == key)!["value"]!;
            Assert.Equal($"[format('{{0}}{secret})', variables('kvRef'))]", value);
        }
    }

    [Fact]
    public async Task KeyVault_Secrets_AreExactlyTheOnesTheAppReferences()
    {
        var vault = await ModuleTemplateAsync("keyvault");

        var secrets = vault["resources"]!.AsArray()
            .Where(resource => (string)resource!["type"]! == "Microsoft.KeyVault/vaults/secrets" && resource["copy"] is null)
            .Select(resource => (string)resource!["name"]!)
            .Select(name => name.Split('\'')[^2])
            .Order(StringComparer.Ordinal);

        Assert.Equal(SecretSettings.Values.Append("Gates-Token").Append("Slack-AppToken").Append("Slack-BotToken").Append("Slack-SigningSecret").Order(StringComparer.Ordinal), secrets);
    }

    [Fact]
    public async Task KeyVault_GateClientHashes_AreOneSecretPerClient()
    {
        var vault = await ModuleTemplateAsync("keyvault");

        var loop = Assert.Single(vault["resources"]!.AsArray(), resource => (string)resource!["type"]! == "Microsoft.KeyVault/vaults/secrets" && resource["copy"] is not null)!;

        Assert.Equal("[format('{0}/{1}', parameters('name'), format('Gates-Clients-{0}-TokenSha256', items(parameters('gateClients'))[copyIndex()].key))]", (string)loop["name"]!);
        Assert.Equal("[items(parameters('gateClients'))[copyIndex()].value.tokenSha256]", (string)loop["properties"]!["value"]!);
    }

    [Fact]
    public async Task AppSettings_GateClientHashes_AreKeyVaultReferences()
    {
        var app = await ModuleTemplateAsync("app");

        var clients = (string)app["variables"]!["gateClientSettings"]!;

        Assert.Contains("createObject('name', format('Gates__Clients__{0}__TokenSha256', lambdaVariables('client').key), 'value', format('{0}Gates-Clients-{1}-TokenSha256)', variables('kvRef'), lambdaVariables('client').key))", clients, StringComparison.Ordinal);
        Assert.Contains("'Gates__Clients__{0}__TenantId'", clients, StringComparison.Ordinal);
        Assert.Contains(app["resources"]!.AsArray(), resource => ((string?)resource!["properties"]?["siteConfig"]?["appSettings"])?.Contains("variables('gateClientSettings')", StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task Bot_MessagingEndpoint_IsHttpsApiMessagesOnTheAppHost()
    {
        var main = await Main.Value;

        var endpoint = (string)Module(main, "bot")["properties"]!["parameters"]!["messagingEndpoint"]!["value"]!;

        Assert.StartsWith("[format('https://{0}/api/messages'", endpoint, StringComparison.Ordinal);
        Assert.Contains("outputs.defaultHostName.value", endpoint, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bot_TeamsChannel_IsEnabled()
    {
        var bot = await ModuleTemplateAsync("bot");

        var channel = bot["resources"]!.AsArray()
            .Single(resource => (string)resource!["type"]! == "Microsoft.BotService/botServices/channels")!;

        Assert.Equal("MsTeamsChannel", (string)channel["properties"]!["channelName"]!);
        Assert.True((bool)channel["properties"]!["properties"]!["isEnabled"]!);
    }

    [Fact]
    public async Task Site_HealthCheckAndHttpsOnly_AreSet()
    {
        var app = await ModuleTemplateAsync("app");

        var site = app["resources"]!.AsArray().Single(resource => (string)resource!["type"]! == "Microsoft.Web/sites")!;

        Assert.Equal("/healthz", (string)site["properties"]!["siteConfig"]!["healthCheckPath"]!);
        Assert.True((bool)site["properties"]!["httpsOnly"]!);
        Assert.Equal("UserAssigned", (string)site["identity"]!["type"]!);
    }

    private static async Task<JsonArray> BotSettingsAsync() =>
        (await ModuleTemplateAsync("app"))["variables"]!["botSettings"]!.AsArray();

    private static async Task<JsonObject> ModuleTemplateAsync(string name) =>
        Module(await Main.Value, name)["properties"]!["template"]!.AsObject();

    private static JsonObject Module(JsonObject main, string name) =>
        main["resources"]!.AsArray()
            .Single(resource => (string)resource!["type"]! == "Microsoft.Resources/deployments" && (string)resource["name"]! == name)!
            .AsObject();
}
