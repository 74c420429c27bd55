namespace ChatOps.Cards.Slack.Model;

/// <summary>A row of interactive elements (up to 25).</summary>
public sealed record ActionsBlock : Block
{
    public required IReadOnlyList<BlockElement> Elements { get; init; }
}
