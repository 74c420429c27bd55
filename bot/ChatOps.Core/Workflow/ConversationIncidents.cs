using System.Collections.Concurrent;
using ChatOps.Core.Conversations;
using ChatOps.Core.Storage;

namespace ChatOps.Core.Workflow;

/// <summary>
/// Conversation → active incident, remembered in this process over <see cref="IIncidentDirectory"/> so a command in a
/// known conversation does not read the directory. A binding changes only when its incident closes (a conversation
/// is bound again only once its incident is closed or gone), so an entry is stale only when another instance closed
/// the incident: <see cref="CommandContext"/> then meets a closed or missing incident, forgets the entry and reads the
/// directory again. "No incident here" is never remembered (another instance may declare one at any moment).
/// </summary>
public sealed class ConversationIncidents(IIncidentDirectory directory)
{
    /// <summary>Conversations remembered (past this the memory is simply dropped and refilled on use).</summary>
    public const int Capacity = 10_000;

    private readonly ConcurrentDictionary<ConversationKey, string> _known = new();

    /// <summary>The incident bound to the conversation, and whether it came from memory (so may be stale).</summary>
    public async Task<(string? IncidentId, bool Remembered)> FindAsync(ConversationKey conversation, CancellationToken cancellationToken)
    {
        if (_known.TryGetValue(conversation, out var id))
        {
            return (id, true);
        }

        id = await directory.FindAsync(conversation, cancellationToken);
        if (id is not null)
        {
            Remember(conversation, id);
        }

        return (id, false);
    }

    /// <summary>Binds through the directory and remembers the binding when it was made.</summary>
    public async Task<bool> TryBindAsync(ConversationKey conversation, string incidentId, Func<string, Task<bool>> isStillActive, CancellationToken cancellationToken)
    {
        _known.TryRemove(conversation, out _);
        var bound = await directory.TryBindAsync(conversation, incidentId, isStillActive, cancellationToken);
        if (bound)
        {
            Remember(conversation, incidentId);
        }

        return bound;
    }

    /// <summary>Releases the binding through the directory and forgets it.</summary>
    public Task UnbindAsync(ConversationKey conversation, string incidentId, CancellationToken cancellationToken)
    {
        Forget(conversation, incidentId);
        return directory.UnbindAsync(conversation, incidentId, cancellationToken);
    }

    /// <summary>Forgets the conversation's entry if it still names <paramref name="incidentId"/>.</summary>
    public void Forget(ConversationKey conversation, string incidentId) =>
        _known.TryRemove(new KeyValuePair<ConversationKey, string>(conversation, incidentId));

    private void Remember(ConversationKey conversation, string incidentId)
    {
        if (_known.Count >= Capacity && !_known.ContainsKey(conversation))
        {
            _known.Clear();
        }

        _known[conversation] = incidentId;
    }
}
