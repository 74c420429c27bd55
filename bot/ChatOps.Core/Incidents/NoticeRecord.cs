namespace ChatOps.Core.Incidents;

/// <summary>A stakeholder notice as the incident remembers it: to whom, what, and who acknowledged.</summary>
public sealed class NoticeRecord
{
    public required string Id { get; init; }

    public required IReadOnlyList<string> Audiences { get; init; }

    /// <summary>Audiences that had members in the incident when the notice was sent.</summary>
    public IReadOnlyList<string> ToMembers { get; init; } = [];

    public required string Message { get; init; }

    public DateTimeOffset At { get; init; }

    public required Participant By { get; init; }

    public List<NoticeAck> Acknowledgements { get; init; } = [];

    public List<string> Undeliverable { get; init; } = [];

    /// <summary>Audiences of this notice that had no recipient at all.</summary>
    public List<string> ReachedNobody { get; init; } = [];
}

public sealed record NoticeAck(Participant Person, DateTimeOffset At);
