using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace ChatOps.Slack.Signing;

/// <summary>
/// Slack request signing (api.slack.com/authentication/verifying-requests-from-slack):
/// <c>v0=hex(HMAC-SHA256(secret, "v0:" + timestamp + ":" + rawBody))</c>, compared in constant time,
/// with timestamps more than five minutes from now refused (python-slack-sdk uses the same absolute window).
/// </summary>
public static class SlackSignatureVerifier
{
    public const string SignatureHeader = "X-Slack-Signature";
    public const string TimestampHeader = "X-Slack-Request-Timestamp";
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(5);

    private const string Version = "v0";

    public static SignatureCheck Verify(
        string? signingSecret,
        string? timestamp,
        string? signature,
        ReadOnlySpan<byte> body,
        DateTimeOffset now)
    {
        if (string.IsNullOrEmpty(signingSecret))
        {
            return SignatureCheck.NoSecretConfigured;
        }

        var headers = CheckHeaders(timestamp, signature, now);
        if (headers != SignatureCheck.Valid)
        {
            return headers;
        }

        var separator = signature!.IndexOf('=', StringComparison.Ordinal);
        byte[] given;
        try
        {
            given = Convert.FromHexString(signature.AsSpan(separator + 1));
        }
        catch (FormatException)
        {
            return SignatureCheck.Mismatch;
        }

        var expected = Compute(signingSecret, timestamp!, body);
        return CryptographicOperations.FixedTimeEquals(expected, given) ? SignatureCheck.Valid : SignatureCheck.Mismatch;
    }

    /// <summary>
    /// What can be checked before the body is read: both headers present, the timestamp fresh, the version known.
    /// The signature filter runs this first, so a request that cannot be valid is refused without buffering its body.
    /// </summary>
    public static SignatureCheck CheckHeaders(string? timestamp, string? signature, DateTimeOffset now)
    {
        if (string.IsNullOrEmpty(timestamp) || string.IsNullOrEmpty(signature))
        {
            return SignatureCheck.MissingHeaders;
        }

        if (!long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            return SignatureCheck.BadTimestamp;
        }

        if (Math.Abs(now.ToUnixTimeSeconds() - seconds) > (long)Window.TotalSeconds)
        {
            return SignatureCheck.OutsideWindow;
        }

        var separator = signature.IndexOf('=', StringComparison.Ordinal);
        return separator <= 0 || !string.Equals(signature[..separator], Version, StringComparison.Ordinal)
            ? SignatureCheck.UnknownVersion
            : SignatureCheck.Valid;
    }

    /// <summary>The header value Slack would send for <paramref name="body"/> (also used by tests to sign requests).</summary>
    public static string Sign(string signingSecret, string timestamp, ReadOnlySpan<byte> body) =>
        Version + "=" + Convert.ToHexStringLower(Compute(signingSecret, timestamp, body));

    private static byte[] Compute(string signingSecret, string timestamp, ReadOnlySpan<byte> body)
    {
        var prefix = Encoding.UTF8.GetBytes($"{Version}:{timestamp}:");
        var message = new byte[prefix.Length + body.Length];
        prefix.CopyTo(message, 0);
        body.CopyTo(message.AsSpan(prefix.Length));
        return HMACSHA256.HashData(Encoding.UTF8.GetBytes(signingSecret), message);
    }
}
