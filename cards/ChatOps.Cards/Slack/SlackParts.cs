using System.Text.Json;
using ChatOps.Cards.Slack.Model;
using ChatOps.Cards.Text;

namespace ChatOps.Cards.Slack;

/// <summary>Building blocks shared by the Slack builders. Text named "mrkdwn" is already escaped; other strings are user text.</summary>
internal static class SlackParts
{
    public const int LineMax = 500;
    public const int NameMax = 150;

    public static HeaderBlock Header(string text) => new() { Text = SlackText.Plain(text, SlackLimits.HeaderText) };

    // Slack rejects an empty or blank section text.
    public static SectionBlock Section(string mrkdwn, BlockElement? accessory = null) => new()
    {
        Text = TextObject.FromMrkdwn(string.IsNullOrWhiteSpace(mrkdwn) ? "-" : FitEscaped(mrkdwn, SlackLimits.SectionText)),
        Accessory = accessory,
    };

    public static SectionBlock UserSection(string? text, string? boldLabel = null)
    {
        var label = boldLabel is null ? string.Empty : $"*{boldLabel}*\n";
        return Section(label + SlackText.EscapeFit(text, SlackLimits.SectionText - label.Length, keepNewlines: true));
    }

    public static ContextBlock Context(string mrkdwn) =>
        new() { Elements = [TextObject.FromMrkdwn(string.IsNullOrWhiteSpace(mrkdwn) ? "-" : FitEscaped(mrkdwn, SlackLimits.SectionText))] };

    public static string Esc(string? text, int max = NameMax) => SlackText.EscapeFit(text, max);

    /// <summary>Fields of at most 2000 characters, 10 per section.</summary>
    public static IEnumerable<Block> Fields(IEnumerable<(string Label, string Mrkdwn)> fields) =>
        fields.Select(f => TextObject.FromMrkdwn(FitEscaped($"*{f.Label}*\n{f.Mrkdwn}", SlackLimits.FieldText)))
            .Chunk(SlackLimits.SectionFields)
            .Select(chunk => new SectionBlock { Fields = chunk });

    /// <summary>Bullet lines of user text packed into as few sections as fit 3000 characters each.</summary>
    public static IEnumerable<Block> Bullets(IEnumerable<string> mrkdwnLines)
    {
        var current = new List<string>();
        var length = 0;
        foreach (var line in mrkdwnLines.Select(l => "• " + FitEscaped(l, LineMax)))
        {
            if (length + line.Length + 1 > SlackLimits.SectionText && current.Count > 0)
            {
                yield return Section(string.Join("\n", current));
                current.Clear();
                length = 0;
            }

            current.Add(line);
            length += line.Length + 1;
        }

        if (current.Count > 0)
        {
            yield return Section(string.Join("\n", current));
        }
    }

    public static ContextBlock? More(int total, int shown, string plural) =>
        total > shown ? Context($"{CardText.Ellipsis} and {total - shown} more {plural} not shown") : null;

    public static ButtonElement Button(string label, string actionId, IReadOnlyDictionary<string, string> data, ButtonStyle? style = null)
    {
        var value = JsonSerializer.Serialize(data, BlockKitJsonContext.Default.IReadOnlyDictionaryStringString);
        if (value.Length > SlackLimits.ButtonValue)
        {
            throw new ArgumentException(
                $"Button '{actionId}' data is {value.Length} characters; Slack allows {SlackLimits.ButtonValue}. Ids are too long.", nameof(data));
        }

        return new ButtonElement { ActionId = actionId, Text = SlackText.Plain(label, SlackLimits.ButtonText), Value = value, Style = style };
    }

    /// <summary>Cuts already-escaped mrkdwn to <paramref name="max"/> without splitting an entity such as <c>&amp;amp;</c>.</summary>
    public static string FitEscaped(string mrkdwn, int max)
    {
        if (mrkdwn.Length <= max)
        {
            return mrkdwn;
        }

        var cut = max - CardText.Ellipsis.Length;
        var amp = mrkdwn.LastIndexOf('&', cut - 1, Math.Min(cut, 5));
        if (amp >= 0 && mrkdwn.IndexOf(';', amp) is var semi && (semi < 0 || semi >= cut))
        {
            cut = amp;
        }

        if (cut > 0 && char.IsHighSurrogate(mrkdwn[cut - 1]))
        {
            cut--;
        }

        return string.Concat(mrkdwn.AsSpan(0, cut), CardText.Ellipsis);
    }
}
