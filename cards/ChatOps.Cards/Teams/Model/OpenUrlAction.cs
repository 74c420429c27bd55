namespace ChatOps.Cards.Teams.Model;

/// <summary>Opens a link.</summary>
public sealed record OpenUrlAction : AdaptiveAction
{
    public required Uri Url { get; init; }
}
