using System.Buffers;
using System.Text;

namespace ChatOps.Teams.Channels;

/// <summary>
/// Channel names Teams accepts, made from an incident id and title: at most 50 characters (learn.microsoft.com/graph/api/channel-post),
/// none of <c># % &amp; * { } / \ : &lt; &gt; ? + | ' "</c> (learn.microsoft.com/powershell/module/teams/new-teamchannel) nor
/// <c>~</c> or control characters, and not starting with <c>_</c> or <c>.</c> nor ending with <c>.</c> (Teams' channel
/// naming help). A title that cannot make a valid name is cleaned and shortened, never refused.
/// </summary>
public static class TeamsChannelName
{
    public const int MaxLength = 50;

    /// <summary>What a closed incident's channel name starts with.</summary>
    public const string ClosedMarker = "[closed] ";

    private static readonly SearchValues<char> Forbidden = SearchValues.Create("#%&*{}/\\:<>?+|'\"~");

    /// <summary><c>INC-2026-0001 Exchange ProxyShell exploitation</c>, cleaned and cut to fit.</summary>
    public static string For(string incidentId, string title)
    {
        ArgumentException.ThrowIfNullOrEmpty(incidentId);
        var name = Clean($"{incidentId} {title}");
        return name.Length == 0 ? Clean(incidentId) : name;
    }

    /// <summary>The name with <c> (n)</c> appended for the n-th try after a taken name; the name is shortened to keep it within 50.</summary>
    public static string WithSuffix(string name, int attempt)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        if (attempt <= 1)
            return name;
        var suffix = $" ({attempt.ToString(System.Globalization.CultureInfo.InvariantCulture)})";
        return Fit(name, MaxLength - suffix.Length) + suffix;
    }

    /// <summary>The name with <see cref="ClosedMarker"/> in front (once), shortened to fit.</summary>
    public static string Closed(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return name.StartsWith(ClosedMarker, StringComparison.Ordinal) ? name : Fit(ClosedMarker + name, MaxLength);
    }

    private static string Clean(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text.Normalize(NormalizationForm.FormC))
        {
            var keep = !char.IsControl(c) && !Forbidden.Contains(c) && !char.IsWhiteSpace(c);
            if (keep && !(c == '.' && builder.Length > 0 && builder[^1] == '.'))
                builder.Append(c);
            else if (!keep && builder.Length > 0 && builder[^1] != ' ')
                builder.Append(' ');
        }

        return Fit(builder.ToString().TrimStart('_', '.', ' '), MaxLength);
    }

    // Cuts at a word boundary when one is near the end, and never leaves a trailing space, dot or dash.
    private static string Fit(string name, int max)
    {
        if (name.Length > max)
        {
            // Never split a surrogate pair (an emoji in a title).
            var cut = char.IsHighSurrogate(name[max - 1]) ? max - 1 : max;
            var space = name.LastIndexOf(' ', cut - 1, cut);
            name = space > max / 2 ? name[..space] : name[..cut];
        }

        return name.TrimEnd(' ', '.', '-');
    }
}
