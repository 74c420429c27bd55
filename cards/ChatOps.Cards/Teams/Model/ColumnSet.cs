namespace ChatOps.Cards.Teams.Model;

/// <summary>Columns side by side.</summary>
public sealed record ColumnSet : AdaptiveElement
{
    public required IReadOnlyList<Column> Columns { get; init; }
}
