using ChatOps.Core.Conversations;

namespace ChatOps.Core.Storage;

/// <summary>Maps a conversation to its active incident (one active incident per conversation).</summary>
public interface IIncidentDirectory
{
    /// <summary>The id of the incident bound to the conversation, or null.</summary>
    Task<string?> FindAsync(ConversationKey conversation, CancellationToken cancellationToken = default);

    /// <summary>
    /// Binds the conversation to the incident. Returns false when another incident is bound and
    /// <paramref name="isStillActive"/> says it is still active; a binding to an incident that is gone or closed is replaced.
    /// </summary>
    Task<bool> TryBindAsync(ConversationKey conversation, string incidentId, Func<string, Task<bool>> isStillActive, CancellationToken cancellationToken = default);

    /// <summary>Every conversation binding (active incidents), for background work such as reminders.</summary>
    IAsyncEnumerable<(ConversationKey Conversation, string IncidentId)> ListAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// The incident bound to the conversation or, when none is, the last one released from it (closed incidents
    /// stay readable: <c>status</c>, <c>log</c>, <c>verify</c> and <c>export</c> after close). Null when there was none.
    /// </summary>
    Task<string?> FindLastAsync(ConversationKey conversation, CancellationToken cancellationToken = default);

    /// <summary>Removes the binding if it still points at <paramref name="incidentId"/>, remembering it as the conversation's last incident.</summary>
    Task UnbindAsync(ConversationKey conversation, string incidentId, CancellationToken cancellationToken = default);
}
