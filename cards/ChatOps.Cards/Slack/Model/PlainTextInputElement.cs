namespace ChatOps.Cards.Slack.Model;

/// <summary>A text field for an <see cref="InputBlock"/>.</summary>
public sealed record PlainTextInputElement : BlockElement
{
    public bool? Multiline { get; init; }

    public int? MinLength { get; init; }

    public int? MaxLength { get; init; }

    public TextObject? Placeholder { get; init; }

    public string? InitialValue { get; init; }
}
