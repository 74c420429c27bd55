using ChatOps.Cards.Slack.Model;
using ChatOps.Core.Views;

namespace ChatOps.Cards.Slack.Views;

/// <summary>Messages with no lists: text (split over sections when long), error and welcome.</summary>
internal static class SimpleBlocks
{
    // 40 sections of 3000 characters is far more than any reply; longer text ends with "…".
    private const int MaxTextSections = 40;

    public static BlockKitMessage Text(TextView view)
    {
        var escaped = Mentioning(view) ?? SlackText.EscapeFit(view.Text, SlackLimits.SectionText * MaxTextSections, keepNewlines: true);
        var sections = new List<Block>();
        for (var start = 0; start < escaped.Length;)
        {
            var length = Math.Min(SlackLimits.SectionText, escaped.Length - start);
            // Never split an entity (&amp;) or a surrogate pair across sections.
            var amp = escaped.LastIndexOf('&', start + length - 1, Math.Min(length, 5));
            if (start + length < escaped.Length && amp > start && escaped.IndexOf(';', amp) >= start + length)
            {
                length = amp - start;
            }

            if (start + length < escaped.Length && char.IsHighSurrogate(escaped[start + length - 1]))
            {
                length--;
            }

            sections.Add(SlackParts.Section(escaped.Substring(start, length)));
            start += length;
        }

        return SlackFit.Message(view, sections.Count == 0 ? [SlackParts.Section("-")] : sections);
    }

    /// <summary>The text with its mention as <c>&lt;@U…&gt;</c> (Slack notifies that person); everything else escaped as usual.</summary>
    private static string? Mentioning(TextView view)
    {
        if (view.Mention is not { } m || !view.Text.Contains(m.Token, StringComparison.Ordinal))
        {
            return null;
        }

        // A private-use character stands in for the mention while the text is cleaned and escaped, then becomes the mention.
        var marked = view.Text.Replace(MentionMark, ' ').Replace(m.Token, MentionMark.ToString(), StringComparison.Ordinal);
        return SlackText.EscapeFit(marked, SlackLimits.SectionText * MaxTextSections, keepNewlines: true)
            .Replace(MentionMark.ToString(), $"<@{SlackParts.Esc(m.UserId)}>", StringComparison.Ordinal);
    }

    private const char MentionMark = '\uE000';

    public static BlockKitMessage Error(ErrorView view) => SlackFit.Message(view,
    [
        SlackParts.Section("⚠ " + SlackText.EscapeFit(view.Message, SlackLimits.SectionText - 2, keepNewlines: true)),
        view.Usage is null ? null : SlackParts.Context("Usage: `" + SlackParts.Esc(view.Usage.Replace('`', '\''), SlackParts.LineMax) + "`"),
    ]);

    public static BlockKitMessage Welcome(WelcomeView view) => SlackFit.Message(view,
    [
        SlackParts.Header("ChatOps is here to help with emergency patching"),
        SlackParts.Section("I walk the team through Assess, Contain, Test, Implement, Communicate, Document and Review, and record every decision."),
        SlackParts.Section("*Start an incident*\n`" + SlackParts.Esc(view.StartUsage.Replace('`', '\''), SlackParts.LineMax) + "`"),
        SlackParts.Context("See every command: `" + SlackParts.Esc(view.HelpUsage.Replace('`', '\''), SlackParts.LineMax) + "`"),
    ]);
}
