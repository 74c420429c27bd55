using ChatOps.Core.Incidents;

namespace ChatOps.Core.Decisions.Events;

/// <summary>A deployment started on its approval; the patch's systems not yet patched (pending, failed, rolled back) become deploying.</summary>
public sealed record DeploymentStarted(string PatchId, string ApprovalId, string Source) : IncidentEvent
{
    public const string EventKind = "deployment.started";

    public override string Kind => EventKind;

    public override void Apply(Incident incident, DecisionRecord record)
    {
        ArgumentNullException.ThrowIfNull(incident);
        var approval = incident.FindApproval(ApprovalId) ?? throw new InvalidOperationException($"No approval {ApprovalId}.");
        approval.Status = ApprovalStatus.Deployed;
        approval.Revision++;
        var patch = incident.FindPatch(PatchId) ?? throw new InvalidOperationException($"No patch {PatchId}.");
        foreach (var system in patch.Systems.Where(s => s.Value is SystemPatchState.Pending or SystemPatchState.Failed or SystemPatchState.RolledBack).Select(s => s.Key).ToList())
        {
            patch.Systems[system] = SystemPatchState.Deploying;
        }
    }

    public override string Describe() => $"Deployment of {PatchId} started ({Source}, approval {ApprovalId})";
}
