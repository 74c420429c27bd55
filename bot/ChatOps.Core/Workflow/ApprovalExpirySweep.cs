using ChatOps.Core.Identity;

namespace ChatOps.Core.Workflow;

/// <summary>
/// Expires approvals whose window has ended even when nobody types anything: the expiry is recorded (by the
/// "approvals" actor) and, through <see cref="ApprovalCardSync"/>, the posted cards say so.
/// </summary>
public sealed class ApprovalExpirySweep(WorkflowServices services)
{
    public const string ActorId = "approvals";

    public async Task<int> RunOnceAsync(CancellationToken cancellationToken = default)
    {
        var expired = 0;
        await foreach (var (conversation, incidentId) in services.Directory.ListAsync(cancellationToken))
        {
            var snapshot = await services.Store.GetAsync(conversation.TenantId, incidentId, cancellationToken);
            if (snapshot is null || !Due(snapshot.Incident))
            {
                continue;
            }

            var actor = new Actor(conversation.Channel, conversation.TenantId, ActorId, "ChatOps approvals");
            var outcome = await services.Runner.ChangeAsync(conversation.TenantId, incidentId, actor, incident =>
                new Change(incident.IsClosed ? [] : ApprovalReaction.Voids(incident, services.Time.GetUtcNow()).ToList(), []), cancellationToken);
            expired += outcome.Recorded.Count;
        }

        return expired;
    }

    private bool Due(Incidents.Incident incident) =>
        !incident.IsClosed && incident.Approvals.Any(a => a.IsOpen && services.Time.GetUtcNow() >= a.Binding.Window.End);
}
