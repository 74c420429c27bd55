namespace ChatOps.Cards.Slack.Model;

/// <summary>Large bold plain text (max 150 characters).</summary>
public sealed record HeaderBlock : Block
{
    public required TextObject Text { get; init; }
}
