using System.Text.Json;
using System.Text.Json.Serialization;

namespace ChatOps.Teams.Schema;

/// <summary>
/// The conversation an activity belongs to. In a Teams channel thread the id is
/// <c>19:…@thread.tacv2;messageid=&lt;root id&gt;</c>.
/// </summary>
public sealed class ConversationAccount
{
    public string? Id { get; set; }

    public string? Name { get; set; }

    public bool? IsGroup { get; set; }

    /// <summary>Teams: <c>personal</c>, <c>groupChat</c> or <c>channel</c>.</summary>
    public string? ConversationType { get; set; }

    public string? TenantId { get; set; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}
