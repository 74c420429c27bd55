using System.Xml;
using ChatOps.Core.Decisions.Events;
using ChatOps.Core.Identity;
using ChatOps.Core.Incidents;
using ChatOps.Core.Notifications;
using ChatOps.Core.Views;
using ChatOps.Core.Workflow;

namespace ChatOps.Core.Alerts;

/// <summary>
/// Ends the watch after each deployment (<c>Policy:WatchFor</c> past its approval's window) once no alert on it is still
/// undecided: it asks the commander (a real mention) to verify the systems still deploying or, with
/// <c>Policy:AutoVerify</c> and no alert at all during the watch, verifies them itself, recorded as the bot with its
/// reason. The <see cref="WatchEnded"/> record is the guard: decided again on fresh state inside the incident's change, so
/// a second instance or a restart neither asks twice nor verifies twice.
/// </summary>
public sealed class QuietWatchSweep(WorkflowServices services)
{
    public const string ActorId = "watch";

    public async Task<int> RunOnceAsync(CancellationToken cancellationToken = default)
    {
        var ended = 0;
        await foreach (var (conversation, incidentId) in services.Directory.ListAsync(cancellationToken))
        {
            var snapshot = await services.Store.GetAsync(conversation.TenantId, incidentId, cancellationToken);
            if (snapshot is null || Due(snapshot.Incident).Count == 0)
            {
                continue;
            }

            var actor = new Actor(conversation.Channel, conversation.TenantId, ActorId, "ChatOps watch");
            var outcome = await services.Runner.ChangeAsync(conversation.TenantId, incidentId, actor, End, cancellationToken);
            ended += outcome.Recorded.Count(r => r.Kind == WatchEnded.EventKind);
        }

        return ended;
    }

    private Change End(Incident incident)
    {
        var events = new List<PendingEvent>();
        var outbox = new List<Storage.OutboxMessage>();
        var watch = services.Policy.WatchFor;
        var reason = $"quiet watch of {XmlConvert.ToString(watch)}, no alerts";
        foreach (var approval in Due(incident))
        {
            var patch = incident.FindPatch(approval.PatchId)!;
            var latest = incident.Approvals.LastOrDefault(a => a.Status == ApprovalStatus.Deployed && string.Equals(a.PatchId, patch.Id, StringComparison.OrdinalIgnoreCase));
            if (latest is not null && !string.Equals(latest.Id, approval.Id, StringComparison.Ordinal))
            {
                // A later deployment of the patch has its own watch: this one ends without asking or verifying anything.
                events.Add(new PendingEvent(new WatchEnded(patch.Id, approval.Id, watch, []), $"superseded by {latest.Id}"));
                continue;
            }

            var deploying = patch.Systems.Where(s => s.Value == SystemPatchState.Deploying).Select(s => s.Key).ToList();
            var quiet = !incident.Alerts.Any(a => string.Equals(a.PatchId, patch.Id, StringComparison.OrdinalIgnoreCase));
            if (services.Policy.AutoVerify && quiet && deploying.Count > 0)
            {
                events.Add(new PendingEvent(new SystemPatchStateChanged(patch.Id, deploying, SystemPatchState.Patched), reason));
                events.Add(new PendingEvent(new WatchEnded(patch.Id, approval.Id, watch, deploying), reason));
                outbox.Add(NoticeFactory.ChannelLine(incident,
                    $"✅ {incident.Id}: the watch after {patch.Id} ended with no alerts; verified {string.Join(", ", deploying)} automatically (Policy:AutoVerify)."));
                continue;
            }

            events.Add(new PendingEvent(new WatchEnded(patch.Id, approval.Id, watch, []), quiet ? reason : "watch ended; its alerts were decided"));
            if (deploying.Count > 0)
            {
                var commander = incident.Holder(IncidentRole.Commander) ?? incident.DeclaredBy;
                var mention = new TextMention(commander.UserId, commander.DisplayName);
                var how = string.Join("; ", deploying.Select(s => $"deploy verify {patch.Id} {s} ok|failed"));
                outbox.Add(NoticeFactory.ChannelLine(incident,
                    $"🔎 {mention.Token}: the watch after {patch.Id} ended ({(quiet ? "no alerts" : "its alerts were decided")}). Please verify: {how}", mention));
            }
        }

        return new Change(events, outbox);
    }

    /// <summary>Deployed approvals whose watch is over, not yet ended on record, with no alert on their patch still firing.</summary>
    private List<ApprovalRequest> Due(Incident incident)
    {
        if (incident.IsClosed)
        {
            return [];
        }

        var now = services.Time.GetUtcNow();
        return incident.Approvals
            .Where(a => a.Status == ApprovalStatus.Deployed && now > AlertWatch.End(a, services.Policy.WatchFor) && !incident.WatchesEnded.Contains(a.Id, StringComparer.Ordinal))
            .Where(a => !incident.Alerts.Any(x => x.IsFiring && string.Equals(x.PatchId, a.PatchId, StringComparison.OrdinalIgnoreCase)))
            .Where(a => incident.FindPatch(a.PatchId) is not null)
            .ToList();
    }
}
