namespace ChatOps.Cards.Teams.Model;

/// <summary>A drop-down or radio list.</summary>
public sealed record InputChoiceSet : AdaptiveInput
{
    public required IReadOnlyList<Choice> Choices { get; init; }

    public ChoiceInputStyle? Style { get; init; }

    public bool? IsMultiSelect { get; init; }

    public string? Value { get; init; }

    public string? Placeholder { get; init; }
}
