namespace ChatOps.Core.Incidents;

public enum IncidentStatus
{
    Active,
    Closed,
}
