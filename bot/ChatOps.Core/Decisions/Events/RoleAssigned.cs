using ChatOps.Core.Incidents;

namespace ChatOps.Core.Decisions.Events;

public sealed record RoleAssigned(IncidentRole Role, Participant Person) : IncidentEvent
{
    public const string EventKind = "role.assigned";

    public override string Kind => EventKind;

    public override void Apply(Incident incident, DecisionRecord record)
    {
        ArgumentNullException.ThrowIfNull(incident);
        ArgumentNullException.ThrowIfNull(record);
        // Approver may be held by several people; the other roles by one.
        if (Role != IncidentRole.Approver)
        {
            incident.Roles.RemoveAll(r => r.Role == Role);
        }
        else
        {
            incident.Roles.RemoveAll(r => r.Role == Role && r.Person.UserId == Person.UserId);
        }

        incident.Roles.Add(new RoleAssignment(Role, Person, record.At));
    }

    public override string Describe() => $"{Person.DisplayName} is {PhaseNames.Of(Role)}";
}
