namespace ChatOps.Cards.Slack.Model;

/// <summary>Text (max 3000), up to 10 two-column fields (max 2000 each) and an optional accessory such as a button.</summary>
public sealed record SectionBlock : Block
{
    public TextObject? Text { get; init; }

    public IReadOnlyList<TextObject>? Fields { get; init; }

    public BlockElement? Accessory { get; init; }
}
