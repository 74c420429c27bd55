using System.Text;
using ChatOps.Cards.Slack.Model;
using ChatOps.Cards.Text;

namespace ChatOps.Cards.Slack;

/// <summary>
/// Slack mrkdwn escaping: only <c>&amp;</c>, <c>&lt;</c> and <c>&gt;</c> are replaced
/// (api.slack.com/reference/surfaces/formatting#escaping), which also neutralises <c>&lt;!channel&gt;</c>.
/// </summary>
public static class SlackText
{
    public static string Escape(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Replace("&", "&amp;", StringComparison.Ordinal)
            .Replace("<", "&lt;", StringComparison.Ordinal)
            .Replace(">", "&gt;", StringComparison.Ordinal);
    }

    /// <summary>
    /// Cleans and escapes user text so the escaped result has at most <paramref name="max"/> characters, cutting
    /// with "…" between text elements (never inside an <c>&amp;amp;</c> entity, a surrogate pair or an emoji sequence).
    /// </summary>
    public static string EscapeFit(string? text, int max, bool keepNewlines = false)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(max, 1);
        var clean = CardText.Clean(text, keepNewlines, stopAfter: max);
        var escaped = Escape(clean);
        if (escaped.Length <= max)
        {
            return escaped;
        }

        var budget = max - CardText.Ellipsis.Length;
        var builder = new StringBuilder(max);
        // Whole text elements only: an emoji sequence (👩‍💻) or a letter with its accent is never cut in two.
        for (var i = 0; i < clean.Length;)
        {
            var length = System.Globalization.StringInfo.GetNextTextElementLength(clean, i);
            var piece = Escape(clean.Substring(i, length));
            if (builder.Length + piece.Length > budget)
            {
                break;
            }

            builder.Append(piece);
            i += length;
        }

        return builder.Append(CardText.Ellipsis).ToString();
    }

    /// <summary>A verbatim mrkdwn text object of escaped, cut user text.</summary>
    public static TextObject Mrkdwn(string? text, int max = SlackLimits.SectionText, bool keepNewlines = false) =>
        TextObject.FromMrkdwn(EscapeFit(text, max, keepNewlines));

    /// <summary>A plain_text object (no formatting or control sequences are parsed), cut to <paramref name="max"/>.</summary>
    public static TextObject Plain(string? text, int max) => TextObject.FromPlainText(CardText.Line(text, max) is { Length: > 0 } s ? s : "-");
}
