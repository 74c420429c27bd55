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
}
