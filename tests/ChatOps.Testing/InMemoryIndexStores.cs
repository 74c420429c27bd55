using System.Collections.Concurrent;
using ChatOps.Core.Conversations;
using ChatOps.Core.Dialogs;
using ChatOps.Core.Identity;
using ChatOps.Core.Storage;

namespace ChatOps.Testing;

/// <summary>In-memory conversation → incident directory.</summary>
public sealed class InMemoryIncidentDirectory : IIncidentDirectory
{
    private readonly ConcurrentDictionary<ConversationKey, string> _bindings = new();
    private readonly ConcurrentDictionary<ConversationKey, string> _last = new();

    private int _reads;

    /// <summary>Calls of <see cref="FindAsync"/> (each one a storage round trip in the real store).</summary>
    public int Reads => Volatile.Read(ref _reads);

    public Task<string?> FindAsync(ConversationKey conversation, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _reads);
        return Task.FromResult(_bindings.TryGetValue(conversation, out var id) ? id : null);
    }

    public async Task<bool> TryBindAsync(ConversationKey conversation, string incidentId, Func<string, Task<bool>> isStillActive, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(isStillActive);
        if (_bindings.TryAdd(conversation, incidentId))
        {
            return true;
        }

        var current = _bindings[conversation];
        return !await isStillActive(current) && _bindings.TryUpdate(conversation, incidentId, current);
    }

    public Task<string?> FindLastAsync(ConversationKey conversation, CancellationToken cancellationToken = default) =>
        Task.FromResult(_bindings.TryGetValue(conversation, out var id) || _last.TryGetValue(conversation, out id) ? id : null);

    public async IAsyncEnumerable<(ConversationKey Conversation, string IncidentId)> ListAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        foreach (var (key, id) in _bindings)
        {
            yield return (key, id);
        }

        await Task.CompletedTask;
    }

    public Task UnbindAsync(ConversationKey conversation, string incidentId, CancellationToken cancellationToken = default)
    {
        if (_bindings.TryRemove(new KeyValuePair<ConversationKey, string>(conversation, incidentId)))
        {
            _last[conversation] = incidentId;
        }

        return Task.CompletedTask;
    }
}

/// <summary>In-memory dialog store with ETag semantics.</summary>
public sealed class InMemoryDialogStore : IDialogStore
{
    private readonly ConcurrentDictionary<ConversationKey, DialogState> _dialogs = new();
    private long _etag;

    /// <summary>When set, every read returns this state: an instance that read the dialog before someone else moved it.</summary>
    public DialogState? ReadAs { get; set; }

    private int _reads;

    /// <summary>Calls of <see cref="GetAsync"/> (each one a storage round trip in the real store).</summary>
    public int Reads => Volatile.Read(ref _reads);

    public Task<DialogState?> GetAsync(ConversationKey conversation, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _reads);
        return Task.FromResult(ReadAs ?? (_dialogs.TryGetValue(conversation, out var state) ? state : null));
    }

    public Task<DialogState> SaveAsync(DialogState state, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(state);
        var saved = state with { ETag = Interlocked.Increment(ref _etag).ToString(System.Globalization.CultureInfo.InvariantCulture) };
        var ok = state.ETag is null
            ? _dialogs.TryAdd(state.Conversation, saved)
            : _dialogs.TryGetValue(state.Conversation, out var current) && current.ETag == state.ETag && _dialogs.TryUpdate(state.Conversation, saved, current);
        return ok ? Task.FromResult(saved) : throw new ConcurrencyConflictException();
    }

    public Task DeleteAsync(ConversationKey conversation, CancellationToken cancellationToken = default)
    {
        _dialogs.TryRemove(conversation, out _);
        return Task.CompletedTask;
    }
}
