namespace ChatOps.Cards.Teams.Model;

/// <summary>Properties every input shares (schema <c>Extendable.Input</c>); the id names the value in action data.</summary>
public abstract record AdaptiveInput : AdaptiveElement
{
    public string? Label { get; init; }

    public bool? IsRequired { get; init; }

    public string? ErrorMessage { get; init; }
}
