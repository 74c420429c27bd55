using System.Security.Cryptography;
using System.Text;

namespace ChatOps.Bot.Alerts;

/// <summary>
/// A source proves itself with its token: <c>Authorization: Bearer &lt;token&gt;</c> (Alertmanager's
/// <c>http_config.authorization</c>) or, for Azure Monitor, whose action-group webhooks cannot set headers, <c>?token=</c>
/// in the webhook URL. The token's SHA-256 is compared in constant time with the source's <c>TokenSha256</c>.
/// </summary>
internal static class AlertSourceAuthentication
{
    private const string BearerPrefix = "Bearer ";

    /// <summary>The source's settings when the request carries its token; null for an unknown source or a missing or wrong token.</summary>
    public static AlertSourceOptions? Authenticate(HttpRequest request, string source, AlertsOptions options)
    {
        var header = request.Headers.Authorization.ToString();
        var token = header.StartsWith(BearerPrefix, StringComparison.Ordinal) ? header[BearerPrefix.Length..].Trim() : null;
        if (!options.Sources.TryGetValue(source, out var settings) || settings.TokenSha256 is not { Length: 64 } hex || !hex.All(char.IsAsciiHexDigit))
        {
            return null;
        }

        if (token is null && settings.Kind == AlertSourceKind.AzureMonitor && request.Query.TryGetValue("token", out var query))
        {
            token = query.ToString();
        }

        if (string.IsNullOrEmpty(token))
        {
            return null;
        }

        var given = SHA256.HashData(Encoding.UTF8.GetBytes(token));
        return CryptographicOperations.FixedTimeEquals(given, Convert.FromHexString(hex)) ? settings : null;
    }
}
