namespace ChatOps.Core.Incidents;

public sealed record RoleAssignment(IncidentRole Role, Participant Person, DateTimeOffset AssignedAt);
