namespace ChatOps.Cards.Teams.Model;

/// <summary>A text field.</summary>
public sealed record InputText : AdaptiveInput
{
    public string? Placeholder { get; init; }

    public bool? IsMultiline { get; init; }

    public int? MaxLength { get; init; }

    public string? Value { get; init; }
}
