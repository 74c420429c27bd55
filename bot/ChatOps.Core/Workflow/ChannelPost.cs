using System.Text.Json;
using ChatOps.Core.Conversations;
using ChatOps.Core.Decisions;
using ChatOps.Core.Storage;

namespace ChatOps.Core.Workflow;

/// <summary>An outbox message that posts a line into an incident's conversation (for changes not typed in chat).</summary>
public sealed record ChannelPost(ConversationKey Conversation, string Text)
{
    public const string Kind = "channel.post";

    public static OutboxMessage Create(ConversationKey conversation, string text) =>
        new(Guid.NewGuid().ToString("N"), Kind, JsonSerializer.Serialize(new ChannelPost(conversation, text), EventSerializer.Options));

    public static ChannelPost Read(OutboxMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return JsonSerializer.Deserialize<ChannelPost>(message.Payload, EventSerializer.Options)
            ?? throw new JsonException("Empty channel post.");
    }
}
