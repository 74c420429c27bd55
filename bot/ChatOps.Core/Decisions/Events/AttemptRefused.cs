using ChatOps.Core.Incidents;

namespace ChatOps.Core.Decisions.Events;

/// <summary>
/// A command or card action the authority matrix refused to this actor; recorded so every attempt is on file. The record's
/// reason is the refusal (who may). Approval clicks have their own <see cref="ApprovalAttemptRefused"/>.
/// </summary>
public sealed record AttemptRefused(string Action) : IncidentEvent
{
    public const string EventKind = "attempt.refused";

    public override string Kind => EventKind;

    public override void Apply(Incident incident, DecisionRecord record)
    {
    }

    public override string Describe() => $"Refused attempt to {Action}";
}
