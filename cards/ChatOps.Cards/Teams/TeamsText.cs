using System.Text;
using System.Text.RegularExpressions;
using ChatOps.Cards.Text;

namespace ChatOps.Cards.Teams;

/// <summary>
/// User text for Adaptive Cards. TextBlock and FactSet text is markdown (bold, italic, lists, links) and may hold
/// <c>{{DATE()}}</c> functions, so <see cref="Markdown"/> backslash-escapes the characters that would form them;
/// <see cref="Plain"/> is for places markdown is not processed (TextRun, input labels, button titles).
/// </summary>
public static partial class TeamsText
{
    public static string Markdown(string? text, int max, bool keepNewlines = false)
    {
        var clean = CardText.Truncate(CardText.Clean(text, keepNewlines, stopAfter: max), max);
        var builder = new StringBuilder(clean.Length + 16);
        foreach (var c in clean)
        {
            // Adaptive Card markdown knows only bold, italic, lists and links: escaping these characters is enough.
            if (c is '\\' or '*' or '_' or '[' or ']')
            {
                builder.Append('\\');
            }

            builder.Append(c);
        }

        var escaped = builder.ToString().Replace("{{", "{\\{", StringComparison.Ordinal);
        escaped = LeadingBullet().Replace(escaped, "$1\\$2");
        escaped = LeadingNumber().Replace(escaped, "$1$2\\.");
        // A single newline is ignored by markdown; a paragraph break keeps the author's lines.
        return keepNewlines ? escaped.Replace("\n", "\n\n", StringComparison.Ordinal) : escaped;
    }

    public static string Plain(string? text, int max, bool keepNewlines = false) =>
        CardText.Truncate(CardText.Clean(text, keepNewlines, stopAfter: max), max);

    // "- item", "+ item", "1. item" at a line start would become a list.
    [GeneratedRegex(@"(^|\n)([-+])(?=\s)")]
    private static partial Regex LeadingBullet();

    [GeneratedRegex(@"(^|\n)(\d+)\.(?=\s)")]
    private static partial Regex LeadingNumber();
}
