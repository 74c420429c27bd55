using System.Text;
using System.Text.RegularExpressions;
using ChatOps.Core.Commands;
using ChatOps.Teams.Schema;

namespace ChatOps.Teams.Activities;

/// <summary>
/// Command text from a Teams message: the bot's own <c>&lt;at&gt;…&lt;/at&gt;</c> mention removed as botbuilder's
/// <c>RemoveMentionText</c> does (the entity's <c>text</c>, else <c>&lt;at&gt;name&lt;/at&gt;</c>, case-insensitive,
/// then trimmed), and every other user mention replaced by an <c>@&lt;userId&gt;</c> token.
/// </summary>
internal static class MentionText
{
    private static readonly TimeSpan RegexTimeout = TimeSpan.FromSeconds(1);

    public static (string Text, IReadOnlyList<MentionedUser> Mentions) Normalize(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var text = activity.Text ?? string.Empty;
        var botId = activity.Recipient?.Id;
        var mentions = (activity.Entities ?? [])
            .Where(e => string.Equals(e.Type, Entity.MentionType, StringComparison.OrdinalIgnoreCase) && !string.IsNullOrEmpty(e.Mentioned?.Id))
            .ToList();

        foreach (var own in mentions.Where(m => m.Mentioned!.Id == botId))
            text = Regex.Replace(text, Regex.Escape(TokenOf(own)), string.Empty, RegexOptions.IgnoreCase, RegexTimeout);

        var others = mentions
            .Where(m => m.Mentioned!.Id != botId)
            .Select(m => (Mention: m, Position: text.IndexOf(TokenOf(m), StringComparison.OrdinalIgnoreCase)))
            .Where(m => m.Position >= 0)
            .OrderBy(m => m.Position)
            .Select(m => m.Mention);

        var result = new StringBuilder();
        var found = new List<MentionedUser>();
        var cursor = 0;
        foreach (var mention in others)
        {
            var token = TokenOf(mention);
            var at = text.IndexOf(token, cursor, StringComparison.OrdinalIgnoreCase);
            if (at < 0)
                continue;
            result.Append(text, cursor, at - cursor).Append('@').Append(mention.Mentioned!.Id);
            cursor = at + token.Length;
            found.Add(new MentionedUser(mention.Mentioned.Id!, mention.Mentioned.Name ?? string.Empty));
        }

        result.Append(text, cursor, text.Length - cursor);
        return (result.ToString().Trim(), found);
    }

    private static string TokenOf(Entity mention) => mention.Text ?? $"<at>{mention.Mentioned?.Name}</at>";
}
