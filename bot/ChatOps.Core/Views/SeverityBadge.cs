namespace ChatOps.Core.Views;

/// <summary>Incident severity as shown on cards; Sev1 is the most severe.</summary>
public enum SeverityBadge
{
    Sev1 = 1,
    Sev2 = 2,
    Sev3 = 3,
    Sev4 = 4,
}
