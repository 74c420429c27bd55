using ChatOps.Core.Incidents;

namespace ChatOps.Core.Decisions.Events;

/// <summary>
/// A status update went out to stakeholder audiences (delivered through the outbox). <see cref="ToMembers"/> names the
/// audiences that had members in the incident when it was sent (people it is known to reach; null in older records).
/// </summary>
public sealed record NoticePublished(string NoticeId, IReadOnlyList<string> Audiences, string Message, IReadOnlyList<string>? ToMembers = null) : IncidentEvent
{
    public const string EventKind = "notice.published";

    public override string Kind => EventKind;

    public override void Apply(Incident incident, DecisionRecord record)
    {
        ArgumentNullException.ThrowIfNull(incident);
        ArgumentNullException.ThrowIfNull(record);
        incident.Notices.Add(new NoticeRecord { Id = NoticeId, Audiences = Audiences, ToMembers = ToMembers ?? [], Message = Message, At = record.At, By = Participant.From(record.Actor) });
    }

    public override string Describe() => $"Notice {NoticeId} to {string.Join(", ", Audiences)}: {Message}";
}
