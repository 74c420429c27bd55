namespace ChatOps.Core.Incidents;

/// <summary>An artifact digest as OCI and most build tools print it: <c>sha256:</c> and 64 hex digits, kept in lower case.</summary>
public static class ArtifactDigest
{
    private const string Prefix = "sha256:";

    /// <summary>The digest in canonical form, or null when <paramref name="text"/> is not one.</summary>
    public static string? Normalize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!text.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var hex = text[Prefix.Length..];
        return hex.Length == 64 && hex.All(char.IsAsciiHexDigit) ? Prefix + hex.ToLowerInvariant() : null;
    }
}
