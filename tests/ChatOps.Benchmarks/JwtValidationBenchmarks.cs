using BenchmarkDotNet.Attributes;
using ChatOps.Teams;
using ChatOps.Teams.Auth;
using ChatOps.Teams.Tests.Fakes;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace ChatOps.Benchmarks;

/// <summary>
/// Inbound Teams token validation as the bot's JwtBearer scheme does it, with the OpenID metadata and keys already
/// cached by its <c>ConfigurationManager</c> (fetched once from a local issuer at set-up): the bot's own
/// <see cref="JwtBearerOptions"/> (issuer, audience, RS256, lifetime) from <c>AddTeamsChannel</c>.
/// </summary>
[MemoryDiagnoser]
public class JwtValidationBenchmarks
{
    private const string AppId = "5e1f0c7a-3b7d-4c47-9a0e-6a8d2f0b7c11";
    private const string ServiceUrl = "https://smba.trafficmanager.net/amer/";
    private readonly TestSigningKey _key = new("bench-key", "msteams");
    private readonly TestSigningKey _stranger = new("bench-key", "msteams");
    private FakeBotFrameworkIssuer _issuer = null!;
    private ServiceProvider _services = null!;
    private TokenHandler _handler = null!;
    private TokenValidationParameters _parameters = null!;
    private string _token = string.Empty;
    private string _forged = string.Empty;

    [GlobalSetup]
    public void Setup()
    {
        _issuer = FakeBotFrameworkIssuer.StartAsync(_key).GetAwaiter().GetResult();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["MicrosoftAppId"] = AppId,
            ["MicrosoftAppPassword"] = "bench-secret",
            ["ToBotFromChannelOpenIdMetadataUrl"] = _issuer.MetadataUrl.ToString(),
            ["Teams:RequireHttpsMetadata"] = "false",
        }).Build();
        var services = new ServiceCollection().AddLogging();
        services.AddTeamsChannel(configuration);
        _services = services.BuildServiceProvider();

        var options = _services.GetRequiredService<IOptionsMonitor<JwtBearerOptions>>().Get(BotFrameworkAuthentication.SchemeName);
        // What JwtBearerHandler does per request: a copy of the parameters that reads keys from the cached configuration.
        _parameters = options.TokenValidationParameters.Clone();
        _parameters.ConfigurationManager = (BaseConfigurationManager)options.ConfigurationManager!;
        _handler = options.TokenHandlers[0];
        _token = TokenMinter.Mint(_key.Credentials, AppId, ServiceUrl);
        _forged = TokenMinter.Mint(_stranger.Credentials, AppId, ServiceUrl);
        if (!Validate().GetAwaiter().GetResult().IsValid)
            throw new InvalidOperationException("the benchmark token does not validate");
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _services.Dispose();
        _issuer.DisposeAsync().AsTask().GetAwaiter().GetResult();
        _key.Dispose();
        _stranger.Dispose();
    }

    [Benchmark(Baseline = true)]
    public Task<TokenValidationResult> Validate() => _handler.ValidateTokenAsync(_token, _parameters);

    [Benchmark]
    public Task<TokenValidationResult> Validate_WrongKey() => _handler.ValidateTokenAsync(_forged, _parameters);
}
