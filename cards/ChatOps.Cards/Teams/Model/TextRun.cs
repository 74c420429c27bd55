namespace ChatOps.Cards.Teams.Model;

/// <summary>A run of text inside a <see cref="RichTextBlock"/>; markdown is NOT processed, so user text is literal.</summary>
public sealed record TextRun
{
    public string Type => "TextRun";

    public required string Text { get; init; }

    public TextWeight? Weight { get; init; }

    public TextColor? Color { get; init; }

    public bool? IsSubtle { get; init; }

    public bool? Italic { get; init; }

    public bool? Strikethrough { get; init; }
}
