namespace ChatOps.Cards.Teams.Model;

/// <summary>Buttons placed inside the body (AC 1.2+).</summary>
public sealed record ActionSet : AdaptiveElement
{
    public required IReadOnlyList<AdaptiveAction> Actions { get; init; }
}
