namespace ChatOps.Core.Incidents;

/// <summary>Where one system stands for one patch: pending → patched → verified / failed / rolled back.</summary>
public enum SystemPatchState
{
    Pending,
    Patched,
    Verified,
    Failed,
    RolledBack,
}
