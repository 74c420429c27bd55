using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace ChatOps.Teams.Schema;

/// <summary>The action of an invoke: <c>Action.Execute</c> with its verb and data (already merged with inputs).</summary>
public sealed class AdaptiveCardInvokeAction
{
    public const string ExecuteType = "Action.Execute";

    public string? Type { get; set; }

    public string? Id { get; set; }

    public string? Title { get; set; }

    public string? Verb { get; set; }

    public JsonObject? Data { get; set; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}
