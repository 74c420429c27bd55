using ChatOps.Core.Decisions;
using ChatOps.Core.Decisions.Events;
using ChatOps.Core.Incidents;
using ChatOps.Core.Workflow;

namespace ChatOps.Core.Alerts;

/// <summary>
/// After every commit: a first firing (<see cref="AlertFired"/>) posts the alert's card, and a resolution, keep or roll
/// back (<see cref="AlertChanged"/>) replaces it, whichever way the change came (alert intake, typed command, button).
/// Posting follows the commit, so only the instance whose commit recorded the first firing posts: two instances taking
/// the same alert at once race on the incident's ETag, and the loser sees a repeat.
/// </summary>
public sealed class AlertCardSync(AlertCards cards) : ICommitListener
{
    public async Task OnCommittedAsync(string tenantId, Incident incident, IReadOnlyList<DecisionRecord> recorded, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(incident);
        ArgumentNullException.ThrowIfNull(recorded);
        foreach (var record in recorded.Where(r => r.Kind is AlertFired.EventKind or AlertChanged.EventKind))
        {
            var evt = EventSerializer.Deserialize(record.Kind, record.Payload);
            if (evt is AlertFired fired && incident.FindAlert(fired.AlertId) is { } posted)
            {
                await cards.PostAsync(incident, posted, cancellationToken);
            }
            else if (evt is AlertChanged changed && incident.FindAlert(changed.AlertId) is { } alert)
            {
                await cards.UpdateAsync(incident, alert, cancellationToken);
            }
        }
    }
}
