namespace ChatOps.Cards.Teams.Model;

/// <summary>A checkbox; its value is <see cref="ValueOn"/> or <see cref="ValueOff"/>.</summary>
public sealed record InputToggle : AdaptiveInput
{
    public required string Title { get; init; }

    public string? Value { get; init; }

    public string? ValueOn { get; init; }

    public string? ValueOff { get; init; }

    public bool? Wrap { get; init; }
}
