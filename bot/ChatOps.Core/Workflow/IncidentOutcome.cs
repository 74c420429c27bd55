using ChatOps.Core.Decisions;
using ChatOps.Core.Incidents;

namespace ChatOps.Core.Workflow;

/// <summary>The result of running a command against an incident.</summary>
public sealed record IncidentOutcome(Incident? Incident, IReadOnlyList<DecisionRecord> Recorded, string? Refusal, OutcomeStatus Status)
{
    public bool Succeeded => Status == OutcomeStatus.Applied;
}

public enum OutcomeStatus
{
    Applied,
    Refused,
    NotFound,
    Conflict,

    /// <summary>The same delivery had already been applied (a re-run after a restart); nothing new was recorded.</summary>
    Duplicate,
}
