using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace ChatOps.Teams.Schema;

/// <summary>A message attachment, e.g. an Adaptive Card (<c>application/vnd.microsoft.card.adaptive</c>).</summary>
public sealed class Attachment
{
    public string? ContentType { get; set; }

    public JsonNode? Content { get; set; }

    public string? ContentUrl { get; set; }

    public string? Name { get; set; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}
