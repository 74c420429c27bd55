using System.Text.Json.Serialization;

namespace ChatOps.Cards.Teams.Model;

/// <summary>An Adaptive Card. Top-level cards set <see cref="Schema"/> and <see cref="Version"/>; cards inside ShowCard leave them null.</summary>
public sealed record AdaptiveCard
{
    public const string SchemaUrl = "http://adaptivecards.io/schemas/adaptive-card.json";
    public const string Version15 = "1.5";

    public string Type => "AdaptiveCard";

    [JsonPropertyName("$schema")]
    public string? Schema { get; init; }

    public string? Version { get; init; }

    public string? FallbackText { get; init; }

    public Refresh? Refresh { get; init; }

    public IReadOnlyList<AdaptiveElement> Body { get; init; } = [];

    public IReadOnlyList<AdaptiveAction>? Actions { get; init; }
}
