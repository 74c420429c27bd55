using ChatOps.Core.Conversations;

namespace ChatOps.Core.Dialogs;

/// <summary>
/// Where a guided phase dialog stands in a conversation. Kept in storage so it survives restarts, works across
/// bot instances and can be continued by anyone in the channel.
/// </summary>
public sealed record DialogState(
    ConversationKey Conversation,
    string IncidentId,
    string Kind,
    int Step,
    IReadOnlyDictionary<string, string> Data,
    string StartedBy,
    DateTimeOffset UpdatedAt,
    string? ETag = null);
