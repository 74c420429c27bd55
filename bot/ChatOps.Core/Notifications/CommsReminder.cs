using System.Globalization;
using ChatOps.Core.Decisions.Events;
using ChatOps.Core.Identity;
using ChatOps.Core.Incidents;
using ChatOps.Core.Views;
using ChatOps.Core.Workflow;

namespace ChatOps.Core.Notifications;

/// <summary>
/// Reminds the comms role in the incident channel when stakeholders have not had an update for
/// <c>Policy:UpdateInterval</c> (per severity): one reminder per silence interval, however much else changes, and
/// none while updates keep flowing. The comms holder is mentioned for real (Teams mention entity, Slack <c>&lt;@U…&gt;</c>).
/// </summary>
public sealed class CommsReminder(WorkflowServices services)
{
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken = default)
    {
        var reminded = 0;
        await foreach (var (conversation, incidentId) in services.Directory.ListAsync(cancellationToken))
        {
            var snapshot = await services.Store.GetAsync(conversation.TenantId, incidentId, cancellationToken);
            if (snapshot is null || Due(snapshot.Incident, services.Time.GetUtcNow()) is null)
            {
                continue;
            }

            var actor = new Actor(conversation.Channel, conversation.TenantId, "reminders", "ChatOps reminders");
            var outcome = await services.Runner.ChangeAsync(conversation.TenantId, incidentId, actor, incident =>
            {
                // Decided again on fresh state: another instance may have reminded in the meantime.
                if (Due(incident, services.Time.GetUtcNow()) is not { } silence)
                {
                    return new Change([], []);
                }

                var comms = incident.Holder(IncidentRole.Comms);
                var mention = comms is null ? null : new TextMention(comms.UserId, comms.DisplayName);
                var who = mention?.Token ?? "Comms (no one holds the comms role — role comms @user)";
                var text = string.Create(CultureInfo.InvariantCulture,
                    $"⏰ {who}: stakeholders have had no update on {incident.Id} for {(int)silence.TotalMinutes} minutes. Send one with: notify it|management|users|all \"MESSAGE\"");
                return new Change([new PendingEvent(new CommsReminded(silence))], [NoticeFactory.ChannelLine(incident, text, mention)]);
            }, cancellationToken);
            reminded += outcome.Recorded.Count > 0 ? 1 : 0;
        }

        return reminded;
    }

    private TimeSpan? Due(Incident incident, DateTimeOffset now)
    {
        if (incident.IsClosed)
        {
            return null;
        }

        var interval = services.Policy.UpdateInterval.GetValueOrDefault(incident.Severity, TimeSpan.FromHours(1));
        var silence = now - incident.LastStakeholderUpdate;
        if (silence < interval)
        {
            return null;
        }

        // Already reminded during this silence: the next reminder waits a whole interval, whatever else changed.
        return incident.RemindedAt is { } last && last >= incident.LastStakeholderUpdate && now - last < interval ? null : silence;
    }
}
