namespace ChatOps.Cards.Teams.Model;

/// <summary>A column of a <see cref="ColumnSet"/>; <see cref="Width"/> is <c>auto</c>, <c>stretch</c> or a weight like <c>"2"</c>.</summary>
public sealed record Column
{
    public string Type => "Column";

    public string? Width { get; init; }

    public required IReadOnlyList<AdaptiveElement> Items { get; init; }
}
