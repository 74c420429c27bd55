using ChatOps.Core.Decisions;
using ChatOps.Core.Incidents;

namespace ChatOps.Core.Workflow;

/// <summary>The result of running a command against an incident.</summary>
public sealed record IncidentOutcome(Incident? Incident, IReadOnlyList<DecisionRecord> Recorded, string? Refusal, OutcomeStatus Status)
{
    public bool Succeeded => Status == OutcomeStatus.Applied;

    /// <summary>The applied case, whose incident is never null; null for every other status.</summary>
    public AppliedOutcome? Applied => Status == OutcomeStatus.Applied
        ? new AppliedOutcome(Incident ?? throw new InvalidOperationException("An applied outcome carries its incident."), Recorded, Refusal)
        : null;
}

/// <summary>A change that was applied (or decided to record nothing): the incident as it now stands, and what was recorded.</summary>
/// <param name="Note">Text the decision returned with an applied change (a partial refusal), if any.</param>
public sealed record AppliedOutcome(Incident Incident, IReadOnlyList<DecisionRecord> Recorded, string? Note);

public enum OutcomeStatus
{
    Applied,
    Refused,
    NotFound,
    Conflict,

    /// <summary>The same delivery had already been applied (a re-run after a restart); nothing new was recorded.</summary>
    Duplicate,
}
