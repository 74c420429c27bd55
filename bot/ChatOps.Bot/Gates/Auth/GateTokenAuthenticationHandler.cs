using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace ChatOps.Bot.Gates.Auth;

/// <summary>
/// The <see cref="GateAuthentication.TokenScheme"/> scheme: <c>Authorization: Bearer &lt;token&gt;</c> whose SHA-256 equals
/// the hash of <c>Gates:Token</c> or a <c>Gates:Clients:*:TokenSha256</c>. Every client is compared in constant time
/// (no early exit), so timing tells neither which client nor how much of a hash matched.
/// </summary>
internal sealed class GateTokenAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> schemeOptions,
    ILoggerFactory logger,
    UrlEncoder encoder,
    IOptionsMonitor<GatesOptions> gates)
    : AuthenticationHandler<AuthenticationSchemeOptions>(schemeOptions, logger, encoder)
{
    private const string BearerPrefix = "Bearer ";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith(BearerPrefix, StringComparison.Ordinal))
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        var given = SHA256.HashData(Encoding.UTF8.GetBytes(header[BearerPrefix.Length..].Trim()));
        GateScope? match = null;
        foreach (var (hash, scope) in Clients(gates.CurrentValue))
        {
            if (CryptographicOperations.FixedTimeEquals(given, hash) && match is null)
            {
                match = scope;
            }
        }

        // The failure names no token: JwtBearer and the authentication log may show it.
        return Task.FromResult(match is null
            ? AuthenticateResult.Fail("The bearer token is not a gate client's token.")
            : AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(match.ToIdentity(Scheme.Name)), Scheme.Name)));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        if (Response.Headers.WWWAuthenticate.Count == 0)
        {
            Response.Headers.WWWAuthenticate = "Bearer";
        }

        await Results.Problem("A valid gate token is required (Authorization: Bearer <gate token or workload-identity token>).",
            statusCode: StatusCodes.Status401Unauthorized).ExecuteAsync(Context);
    }

    protected override async Task HandleForbiddenAsync(AuthenticationProperties properties)
    {
        if (Response.HasStarted)
        {
            return;
        }

        await Results.Problem("This gate client may not act on this tenant, incident or patch.",
            statusCode: StatusCodes.Status403Forbidden).ExecuteAsync(Context);
    }

    /// <summary>The configured static-token clients: <c>Gates:Token</c> (named "default") and every named client with a valid hash.</summary>
    internal static IEnumerable<(byte[] Hash, GateScope Scope)> Clients(GatesOptions options)
    {
        if (!string.IsNullOrEmpty(options.Token) && !string.IsNullOrEmpty(options.TenantId))
        {
            yield return (SHA256.HashData(Encoding.UTF8.GetBytes(options.Token)), new GateScope("default", options.TenantId, options.Incidents, options.Patches));
        }

        foreach (var (name, client) in options.Clients)
        {
            if (client.TokenSha256 is { Length: 64 } hex && !string.IsNullOrEmpty(client.TenantId) && IsHex(hex))
            {
                yield return (Convert.FromHexString(hex), new GateScope(name, client.TenantId, client.Incidents, client.Patches));
            }
        }
    }

    private static bool IsHex(string text) => text.All(char.IsAsciiHexDigit);
}
