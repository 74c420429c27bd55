namespace ChatOps.Cards.Slack.Model;

/// <summary>Small grey text (up to 10 elements).</summary>
public sealed record ContextBlock : Block
{
    public required IReadOnlyList<TextObject> Elements { get; init; }
}
