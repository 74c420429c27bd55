using System.Text.Json;
using System.Text.Json.Serialization;

namespace ChatOps.Teams.Schema;

/// <summary>
/// An activity entity. Only <c>mention</c> is read (<c>text</c> = the exact <c>&lt;at&gt;…&lt;/at&gt;</c> substring,
/// <c>mentioned</c> = who); everything else (clientInfo, schema.org) stays in <see cref="ExtensionData"/>.
/// </summary>
public sealed class Entity
{
    public const string MentionType = "mention";

    public string? Type { get; set; }

    public string? Text { get; set; }

    public ChannelAccount? Mentioned { get; set; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}
