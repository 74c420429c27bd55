using System.Text.Json;
using ChatOps.Core.Conversations;
using ChatOps.Core.Decisions;
using ChatOps.Core.Storage;
using ChatOps.Core.Views;

namespace ChatOps.Core.Notifications;

/// <summary>
/// The payload of an outbox row: one notice for one audience (or a plain post into the incident channel).
/// The view is rendered when the notice is created, so every recipient gets the same content; <see cref="Members"/> are
/// the incident's members of the audience at that moment (user ids).
/// </summary>
public sealed record Notice(
    string NoticeId,
    string TenantId,
    string IncidentId,
    ConversationKey IncidentConversation,
    string Audience,
    StatusUpdateView? Update,
    string? ChannelText,
    IReadOnlyList<string>? Members = null,
    TextMention? ChannelMention = null)
{
    public const string Kind = "notice";

    public OutboxMessage ToOutbox() => new($"{NoticeId}-{Audience}", Kind, JsonSerializer.Serialize(this, EventSerializer.Options));

    public static Notice Read(string payload) =>
        JsonSerializer.Deserialize<Notice>(payload, EventSerializer.Options) ?? throw new JsonException("Empty notice.");

    public View View => (View?)Update ?? new TextView(ChannelText ?? "", ChannelMention);
}
