namespace ChatOps.Core.Incidents;

/// <summary>Roles a person can hold in one incident.</summary>
public enum IncidentRole
{
    Commander,
    Approver,
    Comms,
    Scribe,
}
