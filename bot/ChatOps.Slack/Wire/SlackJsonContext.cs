using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace ChatOps.Slack.Wire;

/// <summary>
/// Source-generated (de)serialisation of the Slack wire types. Slack's wire naming is snake_case, read case-insensitively
/// with numbers accepted as strings (the web defaults); unknown fields are kept in each type's extension data. Extension
/// data and properties with a default (<c>Type = ""</c>, <c>Authorizations = []</c>) have setters, not <c>init</c>:
/// generated code sets init-only properties through the constructor, which cannot take extension data and would replace
/// a missing field's default with null.
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(EventEnvelope))]
[JsonSerializable(typeof(SocketModeEnvelope))]
[JsonSerializable(typeof(BlockActionsPayload))]
[JsonSerializable(typeof(ViewSubmissionPayload))]
[JsonSerializable(typeof(JsonObject))]
internal sealed partial class SlackJsonContext : JsonSerializerContext;
