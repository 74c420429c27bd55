namespace ChatOps.Cards.Teams.Model;

/// <summary>Shows a nested card (for example a form) under the button.</summary>
public sealed record ShowCardAction : AdaptiveAction
{
    public required AdaptiveCard Card { get; init; }
}
