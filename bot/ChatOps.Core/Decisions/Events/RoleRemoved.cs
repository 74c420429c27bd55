using ChatOps.Core.Incidents;

namespace ChatOps.Core.Decisions.Events;

/// <summary><c>role remove ROLE @x</c>: the person no longer holds the role (a removed approver can no longer approve).</summary>
public sealed record RoleRemoved(IncidentRole Role, Participant Person) : IncidentEvent
{
    public const string EventKind = "role.removed";

    public override string Kind => EventKind;

    public override void Apply(Incident incident, DecisionRecord record)
    {
        ArgumentNullException.ThrowIfNull(incident);
        incident.Roles.RemoveAll(r => r.Role == Role && string.Equals(r.Person.UserId, Person.UserId, StringComparison.Ordinal));
    }

    public override string Describe() => $"{Person.DisplayName} is no longer {PhaseNames.Of(Role)}";
}
