using ChatOps.Core.Incidents;

namespace ChatOps.Core.Decisions.Events;

/// <summary>
/// The priority was recomputed because a typed <c>vuln add</c> or <c>system add</c> changed what it is computed from
/// (the same rule the Assess dialog applies); recorded only when it changes.
/// </summary>
public sealed record PriorityAssessed(string Priority, string? Previous) : IncidentEvent
{
    public const string EventKind = "priority.assessed";

    public override string Kind => EventKind;

    public override void Apply(Incident incident, DecisionRecord record)
    {
        ArgumentNullException.ThrowIfNull(incident);
        incident.Priority = Priority;
    }

    public override string Describe() => Previous is null ? $"Priority {Priority}" : $"Priority {Priority} (was {Previous})";
}
