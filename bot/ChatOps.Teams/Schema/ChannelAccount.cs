using System.Text.Json;
using System.Text.Json.Serialization;

namespace ChatOps.Teams.Schema;

/// <summary>A user or bot on a channel (<c>from</c>, <c>recipient</c>, <c>membersAdded[]</c>, <c>mentioned</c>).</summary>
public sealed class ChannelAccount
{
    public string? Id { get; set; }

    public string? Name { get; set; }

    public string? AadObjectId { get; set; }

    public string? Role { get; set; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}
