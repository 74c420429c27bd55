namespace ChatOps.Cards.Slack.Model;

/// <summary>
/// A Block Kit text object. Build user-facing ones with <c>SlackText.Mrkdwn</c>/<c>SlackText.Plain</c>, which escape
/// and cut to the limit; mrkdwn objects are <c>verbatim</c> so Slack does not auto-link names or URLs.
/// </summary>
public sealed record TextObject
{
    public const string PlainTextType = "plain_text";
    public const string MrkdwnType = "mrkdwn";

    private TextObject(string type, string text, bool? emoji, bool? verbatim)
    {
        Type = type;
        Text = text;
        Emoji = emoji;
        Verbatim = verbatim;
    }

    public string Type { get; }

    public string Text { get; }

    public bool? Emoji { get; }

    public bool? Verbatim { get; }

    /// <summary>Already-escaped mrkdwn (callers escape user text first).</summary>
    public static TextObject FromMrkdwn(string mrkdwn) => new(MrkdwnType, mrkdwn, null, true);

    /// <summary>Plain text: Slack does not parse formatting or <c>&lt;…&gt;</c> sequences in it.</summary>
    public static TextObject FromPlainText(string text) => new(PlainTextType, text, true, null);
}
