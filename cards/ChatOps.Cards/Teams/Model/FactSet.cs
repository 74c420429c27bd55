namespace ChatOps.Cards.Teams.Model;

/// <summary>Title/value pairs in two columns.</summary>
public sealed record FactSet : AdaptiveElement
{
    public required IReadOnlyList<Fact> Facts { get; init; }
}
