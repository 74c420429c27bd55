namespace ChatOps.Cards.Teams.Model;

/// <summary>A title/value pair in a <see cref="FactSet"/>.</summary>
public sealed record Fact(string Title, string Value);
