using System.Text;
using System.Text.RegularExpressions;
using ChatOps.Core.Commands;

namespace ChatOps.Slack.Inbound;

/// <summary>
/// Turns Slack message text into Core command text (api.slack.com/reference/surfaces/formatting): user
/// mentions <c>&lt;@U123|bob&gt;</c> / <c>&lt;@U123&gt;</c> become <c>@U123</c> tokens and are listed, the bot's own
/// mention is removed, channels become <c>#name</c>, links their URL, and <c>&amp;amp; &amp;lt; &amp;gt;</c> are unescaped.
/// </summary>
public static partial class SlackMessageText
{
    public static NormalisedText Normalise(string raw, IReadOnlyCollection<string> botUserIds, bool dropLeadingMention = false)
    {
        ArgumentNullException.ThrowIfNull(raw);
        ArgumentNullException.ThrowIfNull(botUserIds);
        var text = new StringBuilder(raw.Length);
        var mentions = new List<MentionedUser>();
        var last = 0;
        foreach (Match match in ControlSequence().Matches(raw))
        {
            text.Append(Unescape(raw[last..match.Index]));
            last = match.Index + match.Length;
            var inner = match.Groups[1].Value;
            var bar = inner.IndexOf('|', StringComparison.Ordinal);
            var target = bar < 0 ? inner : inner[..bar];
            var label = bar < 0 ? null : Unescape(inner[(bar + 1)..]);
            if (target.StartsWith('@'))
            {
                var userId = target[1..];
                var leading = dropLeadingMention && text.ToString().Trim().Length == 0;
                if (botUserIds.Contains(userId) || leading)
                {
                    dropLeadingMention = false;
                    continue;
                }

                text.Append('@').Append(userId);
                if (!mentions.Exists(m => m.UserId == userId))
                {
                    mentions.Add(new MentionedUser(userId, label ?? userId));
                }
            }
            else if (target.StartsWith('#'))
            {
                text.Append('#').Append(label ?? target[1..]);
            }
            else if (target.StartsWith('!'))
            {
                text.Append('@').Append(label?.TrimStart('@') ?? target[1..].Split('^')[0]);
            }
            else
            {
                text.Append(Unescape(target));
            }
        }

        text.Append(Unescape(raw[last..]));
        return new NormalisedText(HorizontalSpace().Replace(text.ToString(), " ").Trim(), mentions);
    }

    private static string Unescape(string text) => text
        .Replace("&lt;", "<", StringComparison.Ordinal)
        .Replace("&gt;", ">", StringComparison.Ordinal)
        .Replace("&amp;", "&", StringComparison.Ordinal);

    [GeneratedRegex("<([^<>]*)>")]
    private static partial Regex ControlSequence();

    [GeneratedRegex("[ \t]{2,}")]
    private static partial Regex HorizontalSpace();
}
