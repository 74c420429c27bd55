using ChatOps.Teams.Options;

namespace ChatOps.Teams.Connector;

/// <summary>
/// Where the bot gets its outbound token: <c>ToChannelFromBotLoginUrl</c> (full authority including the tenant), with
/// the tenant replaced by <c>MicrosoftAppTenantId</c> for a single-tenant app (botbuilder
/// ToChannelFromBotLoginUrlTemplate).
/// </summary>
internal static class BotAuthority
{
    private const string DefaultHost = "login.microsoftonline.com";

    public static Uri Resolve(BotFrameworkOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var login = new Uri(options.ToChannelFromBotLoginUrl.TrimEnd('/'));
        if (!options.IsSingleTenant)
            return login;
        var path = login.AbsolutePath;
        var parent = path[..(path.LastIndexOf('/') + 1)];
        return new Uri(login, parent + Uri.EscapeDataString(options.MicrosoftAppTenantId!));
    }

    /// <summary>The login URL's authority with its tenant (last path segment) replaced by <paramref name="tenantId"/>.</summary>
    public static Uri ForTenant(BotFrameworkOptions options, string tenantId)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrEmpty(tenantId);
        var login = new Uri(options.ToChannelFromBotLoginUrl.TrimEnd('/'));
        var path = login.AbsolutePath;
        return new Uri(login, path[..(path.LastIndexOf('/') + 1)] + Uri.EscapeDataString(tenantId));
    }

    /// <summary>
    /// The client-credentials scope: <c>ToChannelFromBotOAuthScope</c>, given either as a resource
    /// (<c>https://api.botframework.com</c>, as botbuilder names it) or already as <c>…/.default</c>.
    /// </summary>
    public static string Scope(BotFrameworkOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var scope = options.ToChannelFromBotOAuthScope.Trim();
        return scope.EndsWith("/.default", StringComparison.Ordinal) ? scope : scope.TrimEnd('/') + "/.default";
    }

    /// <summary>MSAL instance discovery only for Microsoft's own login host, so the bot never calls a host it was not given.</summary>
    public static bool UseInstanceDiscovery(Uri authority) =>
        string.Equals(authority.Host, DefaultHost, StringComparison.OrdinalIgnoreCase);
}
