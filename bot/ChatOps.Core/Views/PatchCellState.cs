namespace ChatOps.Core.Views;

/// <summary>State of one patch on one system.</summary>
public enum PatchCellState
{
    Pending,
    Patched,
    Verified,
    Failed,
    RolledBack,
}
