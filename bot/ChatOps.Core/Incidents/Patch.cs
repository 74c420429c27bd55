namespace ChatOps.Core.Incidents;

/// <summary>A patch, the systems it applies to (with each system's state), its rollback plan and its tests.</summary>
public sealed class Patch
{
    public required string Id { get; init; }

    public required string Description { get; set; }

    public Dictionary<string, SystemPatchState> Systems { get; init; } = new(StringComparer.OrdinalIgnoreCase);

    public string? RollbackPlan { get; set; }

    /// <summary>Digest of the artifact to deploy (<c>sha256:&lt;64 hex&gt;</c>), given with <c>patch add … --artifact</c>; approvals bind to it.</summary>
    public string? Artifact { get; init; }

    public List<TestRecord> Tests { get; init; } = [];

    public TestRecord? LatestTest => Tests.Count == 0 ? null : Tests[^1];

    /// <summary>Tested with a pass and evidence, or waived with a reason and a rollback plan.</summary>
    public bool HasDeployableEvidence =>
        LatestTest is { } t && ((t.Passed && t.Evidence is not null) || (t.Waived && t.WaiverReason is not null && RollbackPlan is not null));
}
