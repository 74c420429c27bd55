namespace ChatOps.Cards.Teams.Model;

/// <summary>An option of an <see cref="InputChoiceSet"/>; the value must not contain a comma.</summary>
public sealed record Choice(string Title, string Value);
