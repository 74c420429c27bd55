using ChatOps.Core.Incidents;

namespace ChatOps.Core.Decisions.Events;

/// <summary>A notice could not be delivered to a recipient after every retry; the reason holds the last error.</summary>
public sealed record NoticeUndeliverable(string NoticeId, string Recipient) : IncidentEvent
{
    public const string EventKind = "notice.undeliverable";

    public override string Kind => EventKind;

    public override void Apply(Incident incident, DecisionRecord record)
    {
        ArgumentNullException.ThrowIfNull(incident);
        incident.FindNotice(NoticeId)?.Undeliverable.Add(Recipient);
    }

    public override string Describe() => $"Notice {NoticeId} could not reach {Recipient}";
}
