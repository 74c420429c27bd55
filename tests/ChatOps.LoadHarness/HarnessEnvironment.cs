using System.Security.Cryptography.X509Certificates;
using ChatOps.Teams.Tests.Fakes;

namespace ChatOps.LoadHarness;

/// <summary>
/// Everything one run needs, started in order: the local Bot Framework issuer (metadata + JWKS), the HTTPS Entra token
/// endpoint MSAL calls, the fake Connector/Slack, the counting proxy in front of Azurite's tables, and the bot.
/// </summary>
internal sealed class HarnessEnvironment : IAsyncDisposable
{
    private readonly string _scratch = Directory.CreateTempSubdirectory("chatops-load-").FullName;

    public TestSigningKey Key { get; } = new("load-key", "msteams");

    public FakeBotFrameworkIssuer Issuer { get; private set; } = null!;

    public FakeTokenEndpoint Tokens { get; private set; } = null!;

    public FakePeers Peers { get; private set; } = null!;

    public CountingTableProxy Tables { get; private set; } = null!;

    public BotProcess Bot { get; private set; } = null!;

    /// <summary>Scenario f: a second bot process with the same settings, on the same storage account and tables.</summary>
    public BotProcess? Second { get; private set; }

    /// <summary>Scenario g: the minimal ASP.NET Core echo bot (<see cref="ReferenceBot"/>).</summary>
    public BotProcess? Reference { get; private set; }

    /// <summary>Scenario g: ChatOps in keyless Development (no app id: loopback requests need no token).</summary>
    public BotProcess? Keyless { get; private set; }

    public static async Task<HarnessEnvironment> StartAsync(HarnessOptions options)
    {
        var env = new HarnessEnvironment();
        env.Issuer = await FakeBotFrameworkIssuer.StartAsync(env.Key);
        env.Tokens = await FakeTokenEndpoint.StartAsync();
        env.Peers = await FakePeers.StartAsync();
        env.Tables = await CountingTableProxy.StartAsync(options.TableEndpoint);
        var settings = env.BotSettings(options);
        env.Bot = await BotProcess.StartAsync(options.BotDll.LocalPath, settings);
        if (options.Scenarios.Contains('f'))
            env.Second = await BotProcess.StartAsync(options.BotDll.LocalPath, settings);
        if (options.Scenarios.Contains('g'))
        {
            env.Reference = await BotProcess.StartAsync(typeof(ReferenceBot).Assembly.Location, new Dictionary<string, string>(), "Production", ReferenceBot.Flag);
            var keyless = new Dictionary<string, string>(settings)
            {
                ["Storage__TablePrefix"] = settings["Storage__TablePrefix"] + "k",
            };
            foreach (var key in new[] { "MicrosoftAppId", "MicrosoftAppPassword", "ToBotFromChannelOpenIdMetadataUrl", "ToChannelFromBotLoginUrl" })
                keyless.Remove(key);
            env.Keyless = await BotProcess.StartAsync(options.BotDll.LocalPath, keyless, "Development");
        }

        return env;
    }

    private Dictionary<string, string> BotSettings(HarnessOptions options)
    {
        // The bot trusts the token endpoint's self-signed certificate through its own CA bundle (SSL_CERT_FILE/DIR
        // must be set before the process starts; docs: testing-teams-auth.md "TLS trust").
        var bundle = Path.Combine(_scratch, "ca-bundle.pem");
        var system = Environment.GetEnvironmentVariable("SSL_CERT_FILE") is { Length: > 0 } file && File.Exists(file) ? file : "/etc/ssl/certs/ca-certificates.crt";
        File.WriteAllText(bundle, (File.Exists(system) ? File.ReadAllText(system) : string.Empty) + Environment.NewLine + Tokens.Certificate.ExportCertificatePem() + Environment.NewLine);
        var certDir = Directory.CreateDirectory(Path.Combine(_scratch, "certs")).FullName;
        var settings = new Dictionary<string, string>
        {
            ["ConnectionStrings__Tables"] =
                "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;"
                + $"BlobEndpoint={options.BlobEndpoint};QueueEndpoint={options.QueueEndpoint};TableEndpoint={(options.Proxy ? Tables.Endpoint : options.TableEndpoint)};",
            ["Storage__TablePrefix"] = "Load" + DateTime.UtcNow.ToString("HHmmss", System.Globalization.CultureInfo.InvariantCulture),
            ["MicrosoftAppId"] = Requests.AppId,
            ["MicrosoftAppPassword"] = "load-harness-secret",
            ["ToBotFromChannelOpenIdMetadataUrl"] = Issuer.MetadataUrl.ToString(),
            ["ToChannelFromBotLoginUrl"] = Tokens.BotFrameworkAuthority.ToString(),
            ["Teams__RequireHttpsMetadata"] = "false",
            ["Teams__ServiceUrlHosts__0"] = "127.0.0.1",
            ["Teams__RequireHttpsServiceUrl"] = "false",
            ["RateLimits__PermitsPerWindow"] = "100000000",
            ["Slack__SigningSecret"] = Requests.SigningSecret,
            ["Slack__BotToken"] = "xoxb-load-harness",
            ["Slack__ApiBaseUrl"] = Peers.SlackApiBaseUrl.ToString(),
            ["Slack__ResponseUrlHosts__0"] = "127.0.0.1",
            ["Reports__SigningKey"] = Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)),
            ["Audit__Key"] = Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)),
            ["SSL_CERT_FILE"] = bundle,
            ["SSL_CERT_DIR"] = certDir,
        };
        if (options.TenantRequestsPerSecond is { } tenantRps)
            settings["Teams__TenantRequestsPerSecond"] = tenantRps.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return settings;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var process in new[] { Keyless, Reference, Second })
        {
            if (process is not null)
                await process.DisposeAsync();
        }

        if (Bot is not null)
            await Bot.DisposeAsync();
        if (Tables is not null)
            await Tables.DisposeAsync();
        if (Peers is not null)
            await Peers.DisposeAsync();
        if (Tokens is not null)
            await Tokens.DisposeAsync();
        if (Issuer is not null)
            await Issuer.DisposeAsync();
        Key.Dispose();
        Directory.Delete(_scratch, recursive: true);
    }
}
