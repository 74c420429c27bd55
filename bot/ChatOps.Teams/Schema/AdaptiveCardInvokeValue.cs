using System.Text.Json;
using System.Text.Json.Serialization;

namespace ChatOps.Teams.Schema;

/// <summary>The <c>value</c> of an <c>adaptiveCard/action</c> invoke: the action and what triggered it.</summary>
public sealed class AdaptiveCardInvokeValue
{
    public AdaptiveCardInvokeAction? Action { get; set; }

    /// <summary><c>manual</c> (a click) or <c>automatic</c> (a refresh).</summary>
    public string? Trigger { get; set; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}
