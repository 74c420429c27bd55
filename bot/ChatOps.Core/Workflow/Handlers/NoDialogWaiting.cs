using System.Collections.Concurrent;
using ChatOps.Core.Conversations;

namespace ChatOps.Core.Workflow.Handlers;

/// <summary>
/// Conversations where the dialog store had no dialog waiting, each with its incident and the epoch of this process's
/// kept snapshot of that incident when the store said so (<see cref="IncidentRunner.KeptEpoch"/>). Valid only while the
/// epoch lasts: a dialog started by another instance gives the incident a new ETag (<see cref="IncidentRunner.TouchAsync"/>),
/// which this process sees only as a new epoch; one started here forgets the conversation. See <see cref="DialogHandler.WaitingAsync"/>.
/// </summary>
internal sealed class NoDialogWaiting
{
    /// <summary>Conversations remembered (past this the memory is dropped and refilled on use).</summary>
    public const int Capacity = 10_000;

    private readonly ConcurrentDictionary<ConversationKey, (string IncidentId, long Epoch)> _known = new();

    /// <summary>True when "none waiting" was seen for the conversation's incident in <paramref name="epoch"/>.</summary>
    public bool Holds(ConversationKey conversation, string incidentId, long epoch) =>
        _known.TryGetValue(conversation, out var none)
        && string.Equals(none.IncidentId, incidentId, StringComparison.Ordinal)
        && none.Epoch == epoch;

    /// <summary>
    /// Remembers that the store had none; <paramref name="epoch"/> must be the kept epoch read BEFORE the store was asked,
    /// so a dialog started meanwhile (which touches the incident after its save) leaves this entry stale.
    /// </summary>
    public void Remember(ConversationKey conversation, string? incidentId, long? epoch)
    {
        if (incidentId is null || epoch is not { } at)
        {
            return;
        }

        if (_known.Count >= Capacity && !_known.ContainsKey(conversation))
        {
            _known.Clear();
        }

        _known[conversation] = (incidentId, at);
    }

    public void Forget(ConversationKey conversation) => _known.TryRemove(conversation, out _);
}
