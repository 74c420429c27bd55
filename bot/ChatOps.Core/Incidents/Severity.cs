namespace ChatOps.Core.Incidents;

/// <summary>Incident severity; sev1 is the most severe.</summary>
public enum Severity
{
    Sev1 = 1,
    Sev2 = 2,
    Sev3 = 3,
    Sev4 = 4,
}
