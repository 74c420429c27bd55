namespace ChatOps.Core.Views;

/// <summary>State of one patch on one system (numbers follow <see cref="Incidents.SystemPatchState"/>).</summary>
public enum PatchCellState
{
    Pending,
    Patched,
    Verified,
    Failed,
    RolledBack,
    Deploying,

    /// <summary>Deployed and an alert on it is firing and undecided (issue 20); never stored, shown only.</summary>
    Alert,
}
