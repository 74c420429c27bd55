using System.Text.Json.Serialization;

namespace ChatOps.Teams.Graph;

/// <summary>Source-generated System.Text.Json metadata for the Graph wire types (camelCase, nulls omitted).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(GraphChannel))]
[JsonSerializable(typeof(GraphErrorResponse))]
public sealed partial class GraphJsonContext : JsonSerializerContext;
