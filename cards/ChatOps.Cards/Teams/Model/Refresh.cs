using System.Text.Json.Serialization;

namespace ChatOps.Cards.Teams.Model;

/// <summary>
/// Card <c>refresh</c>: Teams runs <see cref="Action"/> automatically for the users in <see cref="UserIds"/> (max 60 MRIs)
/// and shows them the card the bot returns; everyone else sees the card as sent.
/// </summary>
public sealed record Refresh
{
    [JsonIgnore]
    public required ExecuteAction Action { get; init; }

    /// <summary>Declared as the base type so the serializer writes <c>"type": "Action.Execute"</c>, which Teams needs.</summary>
    [JsonPropertyName("action")]
    public AdaptiveAction WireAction => Action;

    public IReadOnlyList<string>? UserIds { get; init; }
}
