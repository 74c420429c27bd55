using ChatOps.Core.Incidents;

namespace ChatOps.Core.Decisions.Events;

public sealed record PatchAdded(string PatchId, string Description, IReadOnlyList<string> Systems, string? RollbackPlan) : IncidentEvent
{
    public const string EventKind = "patch.added";

    public override string Kind => EventKind;

    public override void Apply(Incident incident, DecisionRecord record)
    {
        ArgumentNullException.ThrowIfNull(incident);
        var patch = new Patch { Id = PatchId, Description = Description, RollbackPlan = RollbackPlan };
        foreach (var system in Systems)
        {
            patch.Systems[system] = SystemPatchState.Pending;
        }

        incident.Patches.Add(patch);
    }

    public override string Describe() =>
        $"Patch {PatchId}: {Description} for {string.Join(", ", Systems)}{(RollbackPlan is null ? "" : $"; rollback: {RollbackPlan}")}";
}
