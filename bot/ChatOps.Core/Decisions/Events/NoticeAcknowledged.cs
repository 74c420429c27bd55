using ChatOps.Core.Incidents;

namespace ChatOps.Core.Decisions.Events;

public sealed record NoticeAcknowledged(string NoticeId) : IncidentEvent
{
    public const string EventKind = "notice.acknowledged";

    public override string Kind => EventKind;

    public override void Apply(Incident incident, DecisionRecord record)
    {
        ArgumentNullException.ThrowIfNull(incident);
        ArgumentNullException.ThrowIfNull(record);
        incident.FindNotice(NoticeId)?.Acknowledgements.Add(new NoticeAck(Participant.From(record.Actor), record.At));
    }

    public override string Describe() => $"Acknowledged notice {NoticeId}";
}
