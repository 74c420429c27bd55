namespace ChatOps.Cards.Teams.Model;

/// <summary>A group of elements, optionally styled.</summary>
public sealed record Container : AdaptiveElement
{
    public required IReadOnlyList<AdaptiveElement> Items { get; init; }

    public ContainerStyle? Style { get; init; }
}
