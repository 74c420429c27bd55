namespace ChatOps.Cards.Teams.Model;

/// <summary>Text with Adaptive Card markdown (bold, italic, lists, links); escape user text with <c>TeamsText.Markdown</c>.</summary>
public sealed record TextBlock : AdaptiveElement
{
    public required string Text { get; init; }

    public bool? Wrap { get; init; } = true;

    public TextWeight? Weight { get; init; }

    public TextSize? Size { get; init; }

    public TextColor? Color { get; init; }

    public bool? IsSubtle { get; init; }

    public int? MaxLines { get; init; }
}
