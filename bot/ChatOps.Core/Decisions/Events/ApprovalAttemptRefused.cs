using ChatOps.Core.Incidents;

namespace ChatOps.Core.Decisions.Events;

/// <summary>A click or command on an approval that policy refused; recorded so every attempt is on file. The reason says why.</summary>
public sealed record ApprovalAttemptRefused(string ApprovalId, string Attempt) : IncidentEvent
{
    public const string EventKind = "approval.attempt-refused";

    public override string Kind => EventKind;

    public override void Apply(Incident incident, DecisionRecord record)
    {
    }

    public override string Describe() => $"Refused attempt to {Attempt} {ApprovalId}";
}
