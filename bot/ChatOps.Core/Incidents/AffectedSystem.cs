namespace ChatOps.Core.Incidents;

/// <summary>A system affected by the incident, with who owns it and how critical it is.</summary>
public sealed record AffectedSystem(string Name, Participant? Owner, string Criticality);
