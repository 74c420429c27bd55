using System.Text.Json.Serialization;

namespace ChatOps.Cards.Teams.Model;

/// <summary>Source-generated serialization: camelCase names as in the schema, nulls omitted.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(AdaptiveCard))]
internal sealed partial class AdaptiveCardJsonContext : JsonSerializerContext;
