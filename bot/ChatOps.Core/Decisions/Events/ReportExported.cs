using ChatOps.Core.Incidents;

namespace ChatOps.Core.Decisions.Events;

/// <summary>Someone exported the incident report (<c>export</c>) while the incident was active: the Document phase's work.</summary>
public sealed record ReportExported(string Format) : IncidentEvent
{
    public const string EventKind = "report.exported";

    public override string Kind => EventKind;

    public override void Apply(Incident incident, DecisionRecord record)
    {
        ArgumentNullException.ThrowIfNull(incident);
        incident.ReportExported = true;
    }

    public override string Describe() => $"Report exported ({Format})";
}
