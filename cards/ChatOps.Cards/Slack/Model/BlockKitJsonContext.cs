using System.Text.Json.Serialization;

namespace ChatOps.Cards.Slack.Model;

/// <summary>Source-generated serialization: snake_case names as Block Kit spells them, nulls omitted.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(IReadOnlyList<Block>))]
[JsonSerializable(typeof(ModalView))]
[JsonSerializable(typeof(IReadOnlyDictionary<string, string>))]
internal sealed partial class BlockKitJsonContext : JsonSerializerContext;
