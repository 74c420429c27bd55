namespace ChatOps.Core.Commands.Grammar;

/// <summary>How far a typed word is from a known one (Levenshtein), for "did you mean …?" answers.</summary>
public static class EditDistance
{
    /// <summary>Typos up to this many edits away count as "looks like" a known word.</summary>
    public const int MaxTypo = 2;

    /// <summary>The known word nearest to <paramref name="typed"/> within <see cref="MaxTypo"/> edits, or null.</summary>
    public static string? Nearest(string typed, IEnumerable<string> known)
    {
        ArgumentNullException.ThrowIfNull(typed);
        ArgumentNullException.ThrowIfNull(known);
        var lower = typed.ToLowerInvariant();
        return known.Distinct(StringComparer.OrdinalIgnoreCase)
            .Select(w => (Word: w, Distance: Of(w.ToLowerInvariant(), lower)))
            .Where(x => x.Distance <= MaxTypo && x.Distance < Math.Max(x.Word.Length, lower.Length))
            .OrderBy(x => x.Distance).Select(x => x.Word).FirstOrDefault();
    }

    public static int Of(string a, string b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            }
        }

        return d[a.Length, b.Length];
    }
}
