using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using ChatOps.Core.Reports;

namespace ChatOps.Bot.Reports;

/// <summary>
/// Signs and checks report links: HMAC-SHA256 over tenant, incident, format and expiry, so a link works for one
/// report of one tenant until it expires. Checking compares in constant time.
/// </summary>
public sealed class ReportLinkSigner(IOptions<ReportOptions> options, TimeProvider time) : IReportLinks
{
    public static readonly IReadOnlyList<string> Formats = ["md", "json"];

    /// <summary>An absolute link to the report, valid for <see cref="ReportOptions.LinkLifetime"/>.</summary>
    public ReportLink CreateLink(string tenantId, string incidentId, string format)
    {
        var settings = options.Value;
        var expires = time.GetUtcNow() + settings.LinkLifetime;
        var exp = expires.ToUnixTimeSeconds();
        var signature = Sign(tenantId, incidentId, format, exp);
        var path = $"api/incidents/{Uri.EscapeDataString(incidentId)}/report.{format}?tenant={Uri.EscapeDataString(tenantId)}&exp={exp.ToString(CultureInfo.InvariantCulture)}&sig={signature}";
        var baseUrl = settings.PublicBaseUrl.AbsoluteUri.EndsWith('/') ? settings.PublicBaseUrl : new Uri(settings.PublicBaseUrl.AbsoluteUri + "/");
        return new ReportLink(new Uri(baseUrl, path), DateTimeOffset.FromUnixTimeSeconds(exp));
    }

    /// <summary>The signature (base64url) of one report link.</summary>
    public string Sign(string tenantId, string incidentId, string format, long expiresUnixSeconds)
    {
        var mac = Mac(tenantId, incidentId, format, expiresUnixSeconds);
        return Convert.ToBase64String(mac).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }

    /// <summary>True when the signature is this key's for exactly these values and the link has not expired.</summary>
    public bool IsValid(string? tenantId, string? incidentId, string? format, string? expires, string? signature)
    {
        if (string.IsNullOrEmpty(tenantId) || string.IsNullOrEmpty(incidentId) || format is null || !Formats.Contains(format)
            || !long.TryParse(expires, NumberStyles.None, CultureInfo.InvariantCulture, out var exp)
            || exp <= time.GetUtcNow().ToUnixTimeSeconds() || !TryDecode(signature, out var given))
        {
            return false;
        }

        return CryptographicOperations.FixedTimeEquals(given, Mac(tenantId, incidentId, format, exp));
    }

    private byte[] Mac(string tenantId, string incidentId, string format, long exp)
    {
        ArgumentNullException.ThrowIfNull(tenantId);
        ArgumentNullException.ThrowIfNull(incidentId);
        ArgumentNullException.ThrowIfNull(format);
        var key = options.Value.SigningKey ?? throw new InvalidOperationException("Reports:SigningKey is not set.");
        // Length-prefixed fields: no value can be shifted into its neighbour to forge another link.
        var payload = string.Join('\n', new[] { "chatops-report-v1", tenantId, incidentId, format, exp.ToString(CultureInfo.InvariantCulture) }
            .Select(f => f.Length.ToString(CultureInfo.InvariantCulture) + ":" + f));
        return HMACSHA256.HashData(Encoding.UTF8.GetBytes(key), Encoding.UTF8.GetBytes(payload));
    }

    private static bool TryDecode(string? signature, out byte[] bytes)
    {
        bytes = [];
        if (signature is not { Length: > 0 and <= 64 })
        {
            return false;
        }

        var base64 = signature.Replace('-', '+').Replace('_', '/');
        base64 = base64.PadRight(base64.Length + ((4 - (base64.Length % 4)) % 4), '=');
        var buffer = new byte[48];
        if (!Convert.TryFromBase64String(base64, buffer, out var written))
        {
            return false;
        }

        bytes = buffer[..written];
        return true;
    }
}
