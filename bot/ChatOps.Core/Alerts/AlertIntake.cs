using ChatOps.Core.Conversations;
using ChatOps.Core.Decisions.Events;
using ChatOps.Core.Identity;
using ChatOps.Core.Incidents;
using ChatOps.Core.Workflow;
using Microsoft.Extensions.Logging;

namespace ChatOps.Core.Alerts;

/// <summary>
/// Takes one authenticated, mapped alert to the tenant's active incidents that watch a deployment on one of its systems
/// (<see cref="AlertWatch"/>). A first firing and a resolution are decisions on record (as the "alerts" actor); a repeat
/// firing is only counted (<see cref="IAlertTally"/>) and shown on the one card, so a flood never becomes a flood of
/// records or messages. An alert no rule maps, or that no incident watches, is logged and counted, never posted.
/// </summary>
public sealed class AlertIntake(WorkflowServices services, AlertCards cards, ILogger<AlertIntake> logger, IAlertTally? tally = null)
{
    public const string ActorId = "alerts";

    public async Task<AlertIntakeOutcome> TakeAsync(string tenantId, IncomingAlert alert, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(alert);
        var outcome = await DecideAsync(tenantId, alert, cancellationToken);
        if (outcome == AlertIntakeOutcome.UnknownSystem)
        {
            Log.AlertUnknownSystem(logger, alert.Source, alert.ExternalId, alert.Name);
        }
        else if (outcome == AlertIntakeOutcome.NotWatched)
        {
            Log.AlertNotWatched(logger, alert.Source, alert.ExternalId, string.Join(", ", alert.Systems));
        }

        AlertDiagnostics.Alerts.Add(1, new KeyValuePair<string, object?>(AlertDiagnostics.SourceTag, alert.Source),
            new KeyValuePair<string, object?>(AlertDiagnostics.OutcomeTag, AlertDiagnostics.Name(outcome)));
        return outcome;
    }

    private async Task<AlertIntakeOutcome> DecideAsync(string tenantId, IncomingAlert alert, CancellationToken cancellationToken)
    {
        if (alert.Systems.Count == 0)
        {
            return AlertIntakeOutcome.UnknownSystem;
        }

        var outcome = AlertIntakeOutcome.NotWatched;
        await foreach (var (conversation, incidentId) in services.Directory.ListAsync(cancellationToken))
        {
            if (!string.Equals(conversation.TenantId, tenantId, StringComparison.Ordinal))
            {
                continue;
            }

            var snapshot = await services.Store.GetAsync(tenantId, incidentId, cancellationToken);
            if (snapshot is null || snapshot.Incident.IsClosed)
            {
                continue;
            }

            var actor = new Actor(conversation.Channel, tenantId, ActorId, "ChatOps alerts");
            var taken = alert.Firing
                ? await FireAsync(snapshot.Incident, actor, alert, cancellationToken)
                : await ResolveAsync(snapshot.Incident, actor, alert, cancellationToken);
            if (taken is { } result && outcome != AlertIntakeOutcome.Recorded)
            {
                outcome = result;
            }
        }

        return outcome;
    }

    private async Task<AlertIntakeOutcome?> FireAsync(Incident incident, Actor actor, IncomingAlert alert, CancellationToken cancellationToken)
    {
        if (Open(incident, alert) is null)
        {
            if (Watched(incident, alert) is not { } watched)
            {
                return null;
            }

            var deployedAt = await DeployedAtAsync(incident, watched.Approval.Id, cancellationToken);
            var outcome = await services.Runner.ChangeAsync(incident.TenantId, incident.Id, actor, fresh =>
            {
                // Decided again on fresh state: another instance (or request) may have recorded this alert meanwhile.
                if (fresh.IsClosed || Open(fresh, alert) is not null || Watched(fresh, alert) is not { } now)
                {
                    return new Change([], []);
                }

                var id = "AL" + (fresh.Alerts.Count + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
                return Change.Record(new PendingEvent(new AlertFired(id, alert.Key, alert.Source, alert.Name, now.System, now.Patch.Id, deployedAt, alert.Summary)));
            }, cancellationToken);
            if (outcome.Recorded.Count > 0)
            {
                return AlertIntakeOutcome.Recorded;
            }

            incident = outcome.Incident ?? incident;
        }

        if (Open(incident, alert) is not { } open)
        {
            return null;
        }

        if (tally is not null)
        {
            await tally.AddRepeatAsync(incident.TenantId, incident.Id, open.Id, cancellationToken);
        }

        await cards.UpdateAsync(incident, open, cancellationToken);
        return AlertIntakeOutcome.Repeated;
    }

    private async Task<AlertIntakeOutcome?> ResolveAsync(Incident incident, Actor actor, IncomingAlert alert, CancellationToken cancellationToken)
    {
        if (Open(incident, alert) is null)
        {
            return null;
        }

        var outcome = await services.Runner.ChangeAsync(incident.TenantId, incident.Id, actor, fresh =>
            fresh.IsClosed || Open(fresh, alert) is not { } open
                ? new Change([], [])
                : Change.Record(new PendingEvent(new AlertChanged(open.Id, AlertState.Resolved), $"resolved at the source ({alert.Source})")),
            cancellationToken);
        return outcome.Recorded.Count > 0 ? AlertIntakeOutcome.Recorded : null;
    }

    /// <summary>The alert's record while it still stands (firing, or kept): a firing of it then is a repeat.</summary>
    private static AlertRecord? Open(Incident incident, IncomingAlert alert) =>
        incident.FindAlert(alert.Key) is { State: AlertState.Firing or AlertState.Kept } open ? open : null;

    private (string System, Patch Patch, ApprovalRequest Approval)? Watched(Incident incident, IncomingAlert alert)
    {
        var now = services.Time.GetUtcNow();
        foreach (var system in alert.Systems)
        {
            if (AlertWatch.Find(incident, system, now, services.Policy.WatchFor) is { } watched)
            {
                return (AlertWatch.SystemName(watched.Patch, system), watched.Patch, watched.Approval);
            }
        }

        return null;
    }

    // Read from the records once per first firing (not per repeat): the snapshot keeps no deployment time.
    private async Task<DateTimeOffset?> DeployedAtAsync(Incident incident, string approvalId, CancellationToken cancellationToken)
    {
        var records = await services.Store.GetDecisionsAsync(incident.TenantId, incident.Id, cancellationToken);
        return records.LastOrDefault(r => r.Kind == DeploymentStarted.EventKind
            && Decisions.EventSerializer.Deserialize(r.Kind, r.Payload) is DeploymentStarted started && started.ApprovalId == approvalId)?.At;
    }
}
