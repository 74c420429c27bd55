using System.Collections.Concurrent;
using ChatOps.Core.Conversations;

namespace ChatOps.Slack.Work;

/// <summary>
/// Conversation references this process stored lately, so a busy channel is not written on every request (a storage
/// round trip each). The reference of a Slack conversation does not change between requests (team, channel, user), so
/// skipping an identical write loses nothing; it is written again once <see cref="Refresh"/> has passed, which keeps
/// its time fresh and restores a row removed behind our back.
/// </summary>
public sealed class RememberedConversations(TimeProvider time)
{
    /// <summary>How long a stored reference is taken as stored.</summary>
    public static readonly TimeSpan Refresh = TimeSpan.FromHours(1);

    /// <summary>References remembered (past this the memory is dropped and refilled on use).</summary>
    public const int Capacity = 10_000;

    private readonly ConcurrentDictionary<(bool Personal, ConversationReference Reference), DateTimeOffset> _stored = new();

    /// <summary>True when the same reference was stored by this process less than <see cref="Refresh"/> ago.</summary>
    public bool IsStored(ConversationReference reference, bool personal) =>
        _stored.TryGetValue((personal, Key(reference)), out var at) && time.GetUtcNow() - at < Refresh;

    /// <summary>Notes that the reference was just stored.</summary>
    public void Stored(ConversationReference reference, bool personal)
    {
        if (_stored.Count >= Capacity)
        {
            _stored.Clear();
        }

        _stored[(personal, Key(reference))] = time.GetUtcNow();
    }

    private static ConversationReference Key(ConversationReference reference) => reference with { UpdatedAt = null };
}
