using ChatOps.Core.Incidents;

namespace ChatOps.Core.Decisions.Events;

/// <summary>A free-form decision typed with <c>decision "…" --because "…"</c>; the why is the record's reason.</summary>
public sealed record DecisionNoted(string What) : IncidentEvent
{
    public const string EventKind = "decision.noted";

    public override string Kind => EventKind;

    public override void Apply(Incident incident, DecisionRecord record)
    {
    }

    public override string Describe() => What;
}
