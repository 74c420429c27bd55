namespace ChatOps.Cards.Teams.Model;

/// <summary>Inline runs of literal text (AC 1.2+).</summary>
public sealed record RichTextBlock : AdaptiveElement
{
    public required IReadOnlyList<TextRun> Inlines { get; init; }
}
