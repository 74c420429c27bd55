using ChatOps.Core.Incidents;

namespace ChatOps.Core.Decisions.Events;

/// <summary>One or more systems of a patch moved in the patch matrix.</summary>
public sealed record SystemPatchStateChanged(string PatchId, IReadOnlyList<string> Systems, SystemPatchState State) : IncidentEvent
{
    public const string EventKind = "patch.system-state";

    public override string Kind => EventKind;

    public override void Apply(Incident incident, DecisionRecord record)
    {
        ArgumentNullException.ThrowIfNull(incident);
        var patch = incident.FindPatch(PatchId) ?? throw new InvalidOperationException($"No patch {PatchId}.");
        foreach (var system in Systems)
        {
            // Older records said "verified" for what is now "patched".
            patch.Systems[system] = State == SystemPatchState.Verified ? SystemPatchState.Patched : State;
        }
    }

    public override string Describe() => $"{PatchId} on {string.Join(", ", Systems)}: {Workflow.IncidentViews.Name(State)}";
}
