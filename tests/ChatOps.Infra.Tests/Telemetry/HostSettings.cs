namespace ChatOps.Infra.Tests.Telemetry;

/// <summary>Configuration for a host under test: every secret the bot holds, with fresh random values,
/// and every outbound peer pointed at a closed local port so nothing leaves the machine.</summary>
internal static class HostSettings
{
    public static Dictionary<string, string> WithSecrets(out IReadOnlyList<string> secrets)
    {
        var settings = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["MicrosoftAppId"] = "5a7c2f1e-3b4d-4e6f-8a9b-0c1d2e3f4a5b",
            ["MicrosoftAppTenantId"] = "9f8e7d6c-5b4a-4392-8170-6f5e4d3c2b1a",
            ["MicrosoftAppType"] = "SingleTenant",
            ["MicrosoftAppPassword"] = Secret("app-password"),
            ["Slack:SigningSecret"] = Guid.NewGuid().ToString("N"),
            ["Slack:BotToken"] = "xoxb-" + Secret("bot"),
            ["Gates:Token"] = Secret("gates"),
            ["Gates:TenantId"] = "9f8e7d6c-5b4a-4392-8170-6f5e4d3c2b1a",
            ["Reports:SigningKey"] = Secret("reports"),
            ["Audit:Key"] = Secret("audit"),
            ["ToBotFromChannelOpenIdMetadataUrl"] = "https://127.0.0.1:9/.well-known/openidconfiguration",
            ["ToChannelFromBotLoginUrl"] = "https://127.0.0.1:9/botframework.com",
            ["Slack:ApiBaseUrl"] = "https://127.0.0.1:9/api/",
            ["Logging:LogLevel:Default"] = "Trace",
            ["Logging:LogLevel:Microsoft.AspNetCore"] = "Trace",
        };
        secrets = new[] { "MicrosoftAppPassword", "Slack:SigningSecret", "Slack:BotToken", "Gates:Token", "Reports:SigningKey", "Audit:Key" }
            .Select(key => settings[key]).ToList();
        return settings;
    }

    private static string Secret(string name) => $"{name}-{Guid.NewGuid():N}";
}
