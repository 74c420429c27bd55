using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace ChatOps.Teams.Schema;

/// <summary>
/// A Bot Framework activity (botframework-activity.md), only the fields this bot reads or writes; unknown
/// fields are kept in <see cref="ExtensionData"/> (A2005: receivers accept unknown fields).
/// </summary>
public sealed class Activity
{
    public string? Type { get; set; }

    public string? Id { get; set; }

    public string? Name { get; set; }

    public DateTimeOffset? Timestamp { get; set; }

    public DateTimeOffset? LocalTimestamp { get; set; }

    public string? ServiceUrl { get; set; }

    public string? ChannelId { get; set; }

    public ChannelAccount? From { get; set; }

    public ConversationAccount? Conversation { get; set; }

    public ChannelAccount? Recipient { get; set; }

    public string? TextFormat { get; set; }

    public string? Locale { get; set; }

    public string? Text { get; set; }

    public string? Summary { get; set; }

    public string? AttachmentLayout { get; set; }

    public IList<Attachment>? Attachments { get; set; }

    public IList<Entity>? Entities { get; set; }

    public TeamsChannelData? ChannelData { get; set; }

    public string? ReplyToId { get; set; }

    public JsonNode? Value { get; set; }

    /// <summary><c>installationUpdate</c>: add, remove, add-upgrade, remove-upgrade.</summary>
    public string? Action { get; set; }

    public IList<ChannelAccount>? MembersAdded { get; set; }

    public IList<ChannelAccount>? MembersRemoved { get; set; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}
