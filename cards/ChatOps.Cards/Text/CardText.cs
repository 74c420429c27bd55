using System.Globalization;
using System.Text;

namespace ChatOps.Cards.Text;

/// <summary>Channel-neutral text handling: control characters out, visible "…" when cut, one time format.</summary>
public static class CardText
{
    public const string Ellipsis = "…";

    /// <summary>
    /// Replaces control and format characters (except newlines when <paramref name="keepNewlines"/>) with a space,
    /// so hostile input cannot hide text or break layout. Newlines are normalised to <c>\n</c>. Stops once the result
    /// is longer than <paramref name="stopAfter"/> characters, so callers that cut anyway never scan huge input.
    /// </summary>
    public static string Clean(string? text, bool keepNewlines = false, int stopAfter = int.MaxValue - 1)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var span = text.AsSpan().TrimStart();
        var builder = new StringBuilder(Math.Min(span.Length, stopAfter + 1));
        for (var i = 0; i < span.Length; i++)
        {
            if (builder.Length > stopAfter)
            {
                // Cut short: the caller sees more than it asked for and adds "…"; trailing spaces do not matter.
                return builder.ToString();
            }

            var c = span[i];
            if (c == '\r' && i + 1 < span.Length && span[i + 1] == '\n')
            {
                continue;
            }

            if (c is '\n' or '\r' && keepNewlines)
            {
                builder.Append('\n');
            }
            else if (c == ZeroWidthJoiner && JoinsPictographs(builder, span, i))
            {
                // 👩‍💻 is one picture made of 👩 ZWJ 💻: the joiner stays, or the title shows two.
                builder.Append(c);
            }
            else if (char.IsControl(c) || IsInvisibleFormat(c))
            {
                builder.Append(' ');
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString().TrimEnd();
    }

    /// <summary>
    /// Cuts <paramref name="text"/> to at most <paramref name="max"/> UTF-16 units, ending with "…" when cut, between
    /// text elements (grapheme clusters), so an emoji sequence or an accented letter is never split.
    /// </summary>
    public static string Truncate(string text, int max)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentOutOfRangeException.ThrowIfLessThan(max, 1);
        if (text.Length <= max)
        {
            return text;
        }

        return string.Concat(text.AsSpan(0, WholeElements(text, max - Ellipsis.Length)), Ellipsis);
    }

    /// <summary>The length of the longest prefix of whole text elements that fits in <paramref name="budget"/> UTF-16 units.</summary>
    public static int WholeElements(string text, int budget)
    {
        ArgumentNullException.ThrowIfNull(text);
        var end = 0;
        while (end < text.Length)
        {
            var length = StringInfo.GetNextTextElementLength(text, end);
            if (end + length > budget)
            {
                break;
            }

            end += length;
        }

        return end;
    }

    /// <summary>Clean then truncate: the usual treatment of one line of user text.</summary>
    public static string Line(string? text, int max) => Truncate(Clean(text, stopAfter: max), max);

    /// <summary>Cards show times in UTC with minutes, e.g. <c>2026-11-28 22:00 UTC</c>.</summary>
    public static string Time(DateTimeOffset at) =>
        at.ToUniversalTime().ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);

    public static string Window(DateTimeOffset start, DateTimeOffset end) =>
        start.ToUniversalTime().Date == end.ToUniversalTime().Date
            ? $"{Time(start)[..16]}–{end.ToUniversalTime():HH:mm} UTC"
            : $"{Time(start)} – {Time(end)}";

    public static string Count(int n, string singular, string plural) =>
        string.Create(CultureInfo.InvariantCulture, $"{n} {(n == 1 ? singular : plural)}");

    private const char ZeroWidthJoiner = '\u200D';

    private static bool JoinsPictographs(StringBuilder before, ReadOnlySpan<char> text, int at) =>
        before.Length > 0 && IsPictographPart(before[^1]) && at + 1 < text.Length && IsPictographPart(text[at + 1]);

    // Emoji outside the BMP are surrogate pairs; ❤ and friends are symbols, often followed by variation selector 16.
    private static bool IsPictographPart(char c) =>
        char.IsSurrogate(c) || c == '\uFE0F' || char.GetUnicodeCategory(c) == UnicodeCategory.OtherSymbol;

    // Bidi overrides, zero-width characters and similar can disguise text (e.g. reverse a file name).
    private static bool IsInvisibleFormat(char c) =>
        char.GetUnicodeCategory(c) == UnicodeCategory.Format || c is '\u2028' or '\u2029';
}
