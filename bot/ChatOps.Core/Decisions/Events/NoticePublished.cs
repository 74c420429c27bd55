using ChatOps.Core.Incidents;

namespace ChatOps.Core.Decisions.Events;

/// <summary>A status update went out to stakeholder audiences (delivered through the outbox).</summary>
public sealed record NoticePublished(string NoticeId, IReadOnlyList<string> Audiences, string Message) : IncidentEvent
{
    public const string EventKind = "notice.published";

    public override string Kind => EventKind;

    public override void Apply(Incident incident, DecisionRecord record)
    {
        ArgumentNullException.ThrowIfNull(incident);
        ArgumentNullException.ThrowIfNull(record);
        incident.Notices.Add(new NoticeRecord { Id = NoticeId, Audiences = Audiences, Message = Message, At = record.At, By = Participant.From(record.Actor) });
    }

    public override string Describe() => $"Notice {NoticeId} to {string.Join(", ", Audiences)}: {Message}";
}
