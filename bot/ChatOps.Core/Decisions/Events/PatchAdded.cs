using ChatOps.Core.Incidents;

namespace ChatOps.Core.Decisions.Events;

/// <summary>A patch was recorded; <see cref="Artifact"/> is absent from records written before artifacts existed (and from those without one).</summary>
public sealed record PatchAdded(string PatchId, string Description, IReadOnlyList<string> Systems, string? RollbackPlan, string? Artifact = null) : IncidentEvent
{
    public const string EventKind = "patch.added";

    public override string Kind => EventKind;

    public override void Apply(Incident incident, DecisionRecord record)
    {
        ArgumentNullException.ThrowIfNull(incident);
        var patch = new Patch { Id = PatchId, Description = Description, RollbackPlan = RollbackPlan, Artifact = Artifact };
        foreach (var system in Systems)
        {
            patch.Systems[system] = SystemPatchState.Pending;
        }

        incident.Patches.Add(patch);
    }

    public override string Describe() =>
        $"Patch {PatchId}: {Description} for {string.Join(", ", Systems)}{(RollbackPlan is null ? "" : $"; rollback: {RollbackPlan}")}{(Artifact is null ? "" : $"; artifact {Artifact}")}";
}
