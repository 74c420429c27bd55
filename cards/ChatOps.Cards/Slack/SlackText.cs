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
}
