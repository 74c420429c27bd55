namespace ChatOps.Core.Incidents;

/// <summary>
/// Where one system stands for one patch: pending → deploying (<c>deploy start</c>) → patched (only on
/// <c>deploy verify … ok</c>) | failed | rolled back; a failed or rolled-back system is deployed again by the next
/// <c>deploy start</c>. Values are stored by name; their numbers are part of older snapshots, so new ones go last.
/// </summary>
public enum SystemPatchState
{
    Pending,

    /// <summary>Verified patched (<c>deploy verify … ok</c>).</summary>
    Patched,

    /// <summary>Written by records before issue 16 for a verified system; applied as <see cref="Patched"/>.</summary>
    Verified,

    Failed,

    RolledBack,

    /// <summary>A deployment started on the system and nobody has verified the result yet.</summary>
    Deploying,
}
