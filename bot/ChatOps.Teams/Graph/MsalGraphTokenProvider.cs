using System.Collections.Concurrent;
using ChatOps.Teams.Connector;
using ChatOps.Teams.Options;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Identity.Client;

namespace ChatOps.Teams.Graph;

/// <summary>
/// App-only Graph token from MSAL client credentials with the bot's own app registration (scope
/// <c>Teams:GraphScope</c>, <c>https://graph.microsoft.com/.default</c>). The authority is the bot's login host with the
/// bot's tenant (<c>MicrosoftAppTenantId</c>), else the tenant the team is in: Graph only takes tokens of the tenant
/// that holds the team. A singleton: one MSAL app (and token cache) per authority.
/// </summary>
internal sealed class MsalGraphTokenProvider(
    IOptions<BotFrameworkOptions> bot,
    IOptions<TeamsChannelOptions> channel,
    IHttpClientFactory httpClientFactory,
    ILogger<MsalGraphTokenProvider> logger) : IGraphTokenProvider
{
    private readonly ConcurrentDictionary<string, Lazy<IConfidentialClientApplication>> _apps = new(StringComparer.OrdinalIgnoreCase);

    public async Task<string?> GetTokenAsync(string tenantId, CancellationToken cancellationToken = default)
    {
        var options = bot.Value;
        if (!options.HasAppId)
            return null;

        var authority = BotAuthority.ForTenant(options, string.IsNullOrWhiteSpace(options.MicrosoftAppTenantId) ? tenantId : options.MicrosoftAppTenantId);
        var app = _apps.GetOrAdd(authority.AbsoluteUri, _ => new Lazy<IConfidentialClientApplication>(() => Build(options, authority)));
        try
        {
            var result = await app.Value.AcquireTokenForClient([channel.Value.GraphScope]).ExecuteAsync(cancellationToken);
            return result.AccessToken;
        }
        catch (MsalException ex)
        {
            Log.GraphTokenFailed(logger, ex.ErrorCode);
            throw;
        }
    }

    private IConfidentialClientApplication Build(BotFrameworkOptions options, Uri authority) =>
        ConfidentialClientApplicationBuilder.Create(options.MicrosoftAppId)
            .WithClientSecret(options.MicrosoftAppPassword)
            .WithAuthority(authority.ToString(), validateAuthority: BotAuthority.UseInstanceDiscovery(authority))
            .WithInstanceDiscovery(BotAuthority.UseInstanceDiscovery(authority))
            .WithHttpClientFactory(new MsalHttpClientFactory(httpClientFactory))
            .Build();
}
