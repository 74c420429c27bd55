namespace ChatOps.Bot.Gates.Auth;

/// <summary>
/// Id patterns of a gate binding: <c>*</c> is any run of characters, <c>?</c> one character, the rest literal and
/// case-insensitive unless asked otherwise (patch ids are looked up case-insensitively; OIDC subjects match exactly). A linear two-pointer match, not a regex, so a
/// hostile id in a URL cannot make matching slow.
/// </summary>
public static class GatePattern
{
    /// <summary>True when <paramref name="patterns"/> is empty (no restriction) or one of them matches.</summary>
    public static bool AnyMatches(IReadOnlyCollection<string> patterns, string value)
    {
        ArgumentNullException.ThrowIfNull(patterns);
        return patterns.Count == 0 || patterns.Any(p => Matches(p, value));
    }

    public static bool Matches(string pattern, string value, bool ignoreCase = true)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        ArgumentNullException.ThrowIfNull(value);
        int p = 0, v = 0, star = -1, resume = 0;
        while (v < value.Length)
        {
            if (p < pattern.Length && (pattern[p] == '?' || Same(pattern[p], value[v], ignoreCase)))
            {
                p++;
                v++;
            }
            else if (p < pattern.Length && pattern[p] == '*')
            {
                star = p++;
                resume = v;
            }
            else if (star >= 0)
            {
                p = star + 1;
                v = ++resume;
            }
            else
            {
                return false;
            }
        }

        while (p < pattern.Length && pattern[p] == '*')
        {
            p++;
        }

        return p == pattern.Length;
    }

    private static bool Same(char a, char b, bool ignoreCase) => a == b || (ignoreCase && char.ToUpperInvariant(a) == char.ToUpperInvariant(b));
}
