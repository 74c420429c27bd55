using ChatOps.Teams.Options;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Identity.Client;

namespace ChatOps.Teams.Connector;

/// <summary>
/// Client-credentials token for the Connector from MSAL. A singleton: the MSAL app holds the token cache and
/// renews the token when it nears expiry.
/// </summary>
/// <remarks>
/// MSAL answers a repeat call from its cache, but that lookup (request context, cache key, telemetry) cost about
/// 0.05 ms of CPU per connector call in scenario g (docs/PERFORMANCE.md), about a sixth of an authenticated
/// <c>help</c>. So the last result is reused while it has more than <see cref="Margin"/> to live and its
/// <c>RefreshOn</c> (when MSAL would renew it early) has not come; after that every call asks MSAL again, which still
/// decides every renewal (it treats a token with five minutes or less left as expired).
/// </remarks>
internal sealed class MsalBotTokenProvider : IBotTokenProvider
{
    private readonly BotFrameworkOptions _options;
    private readonly Lazy<IConfidentialClientApplication> _app;
    private readonly ILogger<MsalBotTokenProvider> _logger;
    private readonly TimeProvider _time;
    private volatile AuthenticationResult? _last;

    public MsalBotTokenProvider(IOptions<BotFrameworkOptions> options, IHttpClientFactory httpClientFactory, ILogger<MsalBotTokenProvider> logger, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Value;
        _logger = logger;
        _time = time ?? TimeProvider.System;
        _app = new Lazy<IConfidentialClientApplication>(() => Build(_options, new MsalHttpClientFactory(httpClientFactory)));
    }

    public async Task<string?> GetTokenAsync(CancellationToken cancellationToken = default)
    {
        if (!_options.HasAppId)
            return null;
        if (_last is { } last && StillFresh(last))
            return last.AccessToken;
        try
        {
            var result = await _app.Value
                .AcquireTokenForClient([BotAuthority.Scope(_options)])
                .ExecuteAsync(cancellationToken);
            _last = result;
            return result.AccessToken;
        }
        catch (MsalException ex)
        {
            Log.BotTokenFailed(_logger, ex.ErrorCode);
            throw;
        }
    }

    /// <summary>More than MSAL's own five minutes: a token reused here is one MSAL would still hand out.</summary>
    internal static readonly TimeSpan Margin = TimeSpan.FromMinutes(6);

    private bool StillFresh(AuthenticationResult result)
    {
        var now = _time.GetUtcNow();
        return result.ExpiresOn - now > Margin && (result.AuthenticationResultMetadata?.RefreshOn is not { } refreshOn || now < refreshOn);
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
