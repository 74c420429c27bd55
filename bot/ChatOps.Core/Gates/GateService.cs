using ChatOps.Core.Commands;
using ChatOps.Core.Decisions.Events;
using ChatOps.Core.Identity;
using ChatOps.Core.Incidents;
using ChatOps.Core.Storage;
using ChatOps.Core.Workflow;
using ChatOps.Core.Workflow.Handlers;

namespace ChatOps.Core.Gates;

/// <summary>The pipeline gate: lets a CI/CD job wait on the approval button and report the deployment's progress.</summary>
public sealed class GateService(WorkflowServices services)
{
    public const string PipelineUserId = "pipeline";

    public async Task<GateStatus?> GetAsync(string tenantId, string incidentId, string patchId, CancellationToken cancellationToken = default)
    {
        var snapshot = await services.Store.GetAsync(tenantId, incidentId, cancellationToken);
        var incident = snapshot?.Incident;
        if (incident?.FindPatch(patchId) is null)
        {
            return null;
        }

        var approval = incident.LatestApproval(patchId);
        if (approval is null)
        {
            return new GateStatus("pending", null, [], null, null, "no deployment has been requested yet");
        }

        var status = approval.StatusAt(services.Time.GetUtcNow());
        var state = status switch
        {
            ApprovalStatus.Pending => "pending",
            ApprovalStatus.Approved => "approved",
            ApprovalStatus.Rejected => "rejected",
            ApprovalStatus.Deployed => "deployed",
            ApprovalStatus.Voided => "voided",
            _ => "expired",
        };
        var reason = status == ApprovalStatus.Expired && approval.StatusReason is null ? "the approval window has ended" : approval.StatusReason;
        var bound = approval.Binding;
        var window = new GateWindow(bound.Window.Start, bound.Window.End);
        return new GateStatus(state, approval.Id, approval.Votes.Where(v => v.Approved).Select(v => v.Approver.DisplayName).ToList(), window,
            new GateBinding(bound.PatchId, bound.Systems, window, bound.TestResult, bound.Evidence, bound.Artifact, bound.Fingerprint), reason);
    }

    /// <summary>Records that the pipeline started (only on a valid approval inside its window) or finished.</summary>
    public async Task<IncidentOutcome> RecordAsync(string tenantId, string incidentId, string patchId, bool started, bool succeeded, CancellationToken cancellationToken = default)
    {
        var snapshot = await services.Store.GetAsync(tenantId, incidentId, cancellationToken);
        if (snapshot is null)
        {
            return new IncidentOutcome(null, [], $"Incident {incidentId} was not found.", OutcomeStatus.NotFound);
        }

        var actor = new Actor(snapshot.Incident.Conversation.Channel, tenantId, PipelineUserId, "Deployment pipeline");
        return await services.Runner.ChangeAsync(tenantId, incidentId, actor, incident =>
        {
            if (incident.IsClosed)
            {
                return Change.Refuse($"{incident.Id} is closed.");
            }

            var patch = incident.FindPatch(patchId);
            if (patch is null)
            {
                return Change.Refuse($"There is no patch {patchId} in {incident.Id}.");
            }

            var change = started
                ? DeployHandler.Start(incident, patch.Id, services.Time.GetUtcNow(), "pipeline")
                : incident.LatestApproval(patch.Id)?.Status == ApprovalStatus.Deployed
                    ? Change.Record(new PendingEvent(new DeploymentFinished(patch.Id, succeeded, "pipeline")))
                    : Change.Refuse($"{patch.Id} has not been started; report 'started' first.");
            if (change.IsRefused)
            {
                return change;
            }

            var text = started
                ? $"🚀 The pipeline started deploying {patch.Id} to {string.Join(", ", patch.Systems.Keys)}."
                : $"{(succeeded ? "✅" : "❌")} The pipeline reports that deploying {patch.Id} {(succeeded ? "succeeded" : "failed")}. Verify each system with: deploy verify {patch.Id} <system> ok|failed";
            return change with { Outbox = [Notifications.NoticeFactory.ChannelLine(incident, text)] };
        }, cancellationToken);
    }
}
