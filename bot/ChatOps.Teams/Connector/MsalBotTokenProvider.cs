using ChatOps.Teams.Options;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Identity.Client;

namespace ChatOps.Teams.Connector;

/// <summary>
/// Client-credentials token for the Connector from MSAL. A singleton: the MSAL app holds the token cache and
/// renews the token when it nears expiry.
/// </summary>
internal sealed class MsalBotTokenProvider : IBotTokenProvider
{
    private readonly BotFrameworkOptions _options;
    private readonly Lazy<IConfidentialClientApplication> _app;
    private readonly ILogger<MsalBotTokenProvider> _logger;

    public MsalBotTokenProvider(IOptions<BotFrameworkOptions> options, IHttpClientFactory httpClientFactory, ILogger<MsalBotTokenProvider> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Value;
        _logger = logger;
        _app = new Lazy<IConfidentialClientApplication>(() => Build(_options, new MsalHttpClientFactory(httpClientFactory)));
    }

    public async Task<string?> GetTokenAsync(CancellationToken cancellationToken = default)
    {
        if (!_options.HasAppId)
            return null;
        try
        {
            var result = await _app.Value
                .AcquireTokenForClient([BotAuthority.Scope(_options)])
                .ExecuteAsync(cancellationToken);
            return result.AccessToken;
        }
        catch (MsalException ex)
        {
            Log.BotTokenFailed(_logger, ex.ErrorCode);
            throw;
        }
    }

    private static IConfidentialClientApplication Build(BotFrameworkOptions options, IMsalHttpClientFactory httpClientFactory)
    {
        var authority = BotAuthority.Resolve(options);
        return ConfidentialClientApplicationBuilder.Create(options.MicrosoftAppId)
            .WithClientSecret(options.MicrosoftAppPassword)
            .WithAuthority(authority.ToString(), validateAuthority: BotAuthority.UseInstanceDiscovery(authority))
            .WithInstanceDiscovery(BotAuthority.UseInstanceDiscovery(authority))
            .WithHttpClientFactory(httpClientFactory)
            .Build();
    }
}
