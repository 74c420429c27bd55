namespace ChatOps.Core.Views;

/// <summary>What an alert card says about its alert (numbers follow <see cref="Incidents.AlertState"/>).</summary>
public enum AlertCardStatus
{
    Firing,
    Resolved,
    Kept,
    RolledBack,
}
