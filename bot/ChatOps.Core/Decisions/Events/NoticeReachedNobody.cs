using ChatOps.Core.Incidents;

namespace ChatOps.Core.Decisions.Events;

/// <summary>A notice's audience had no recipients when it was sent: the record says so instead of implying it was read.</summary>
public sealed record NoticeReachedNobody(string NoticeId, string Audience) : IncidentEvent
{
    public const string EventKind = "notice.reached-nobody";

    public override string Kind => EventKind;

    public override void Apply(Incident incident, DecisionRecord record)
    {
        ArgumentNullException.ThrowIfNull(incident);
        incident.FindNotice(NoticeId)?.ReachedNobody.Add(Audience);
    }

    public override string Describe() => $"Notice {NoticeId} reached nobody in {Audience}";
}
