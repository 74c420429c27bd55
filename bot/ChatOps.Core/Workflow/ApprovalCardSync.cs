using ChatOps.Core.Conversations;
using ChatOps.Core.Decisions;
using ChatOps.Core.Decisions.Events;
using ChatOps.Core.Incidents;
using ChatOps.Core.Policy;
using ChatOps.Core.Workflow.Handlers;
using Microsoft.Extensions.Logging;

namespace ChatOps.Core.Workflow;

/// <summary>
/// When a commit voids or expires an approval (a typed <c>test … fail</c>, a changed patch or window, the window's
/// end), the approval card is replaced where it was posted, on every channel that recorded it, so that nobody is
/// left looking at Approve buttons on a dead request. Clicks update their own card already; this covers the rest.
/// </summary>
public sealed class ApprovalCardSync(
    TimeProvider time,
    DeploymentPolicy deployment,
    IEnumerable<IPostedCardUpdater> updaters,
    ILogger<ApprovalCardSync> logger,
    IPostedCardStore? postedCards = null) : ICommitListener
{
    private readonly IReadOnlyList<IPostedCardUpdater> _updaters = updaters.ToList();

    public async Task OnCommittedAsync(string tenantId, Incident incident, IReadOnlyList<DecisionRecord> recorded, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(incident);
        ArgumentNullException.ThrowIfNull(recorded);
        if (postedCards is null || _updaters.Count == 0)
        {
            return;
        }

        var voided = recorded
            .Where(r => r.Kind == ApprovalVoided.EventKind)
            .Select(r => EventSerializer.Deserialize(r.Kind, r.Payload))
            .OfType<ApprovalVoided>()
            .Select(v => incident.FindApproval(v.ApprovalId))
            .OfType<ApprovalRequest>()
            .DistinctBy(a => a.Id);
        foreach (var approval in voided)
        {
            var view = ApprovalReplies.View(incident, approval, time.GetUtcNow(), deployment);
            var key = PostedCardKeys.For(view)!;
            foreach (var updater in _updaters)
            {
                try
                {
                    if (await postedCards.FindAsync(updater.Channel, tenantId, key, cancellationToken) is { } card)
                    {
                        await updater.UpdateAsync(card, view, cancellationToken);
                    }
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    // The void is recorded; a card that cannot be updated (deleted, channel gone) still refuses clicks.
                    Log.ApprovalCardUpdateFailed(logger, ex, updater.Channel.ToString(), approval.Id);
                }
            }
        }
    }
}
