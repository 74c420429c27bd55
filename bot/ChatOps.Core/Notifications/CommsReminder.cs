using System.Globalization;
using ChatOps.Core.Decisions.Events;
using ChatOps.Core.Identity;
using ChatOps.Core.Incidents;
using ChatOps.Core.Workflow;

namespace ChatOps.Core.Notifications;

/// <summary>
/// Reminds the comms role in the incident channel when stakeholders have not had an update for
/// <c>Policy:UpdateInterval</c> (per severity) — once, and not again while nothing in the incident has changed.
/// </summary>
public sealed class CommsReminder(WorkflowServices services)
{
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken = default)
    {
        var reminded = 0;
        await foreach (var (conversation, incidentId) in services.Directory.ListAsync(cancellationToken))
        {
            var snapshot = await services.Store.GetAsync(conversation.TenantId, incidentId, cancellationToken);
            if (snapshot is null || Due(snapshot.Incident, services.Time.GetUtcNow()) is not { } silence)
            {
                continue;
            }

            var actor = new Actor(conversation.Channel, conversation.TenantId, "reminders", "ChatOps reminders");
            var outcome = await services.Runner.ChangeAsync(conversation.TenantId, incidentId, actor, incident =>
            {
                if (Due(incident, services.Time.GetUtcNow()) is null)
                {
                    return new Change([], []);
                }

                var comms = incident.Holder(IncidentRole.Comms);
                var who = comms is null ? "Comms (no one holds the comms role — role comms @user)" : $"@{comms.DisplayName}";
                var text = string.Create(CultureInfo.InvariantCulture,
                    $"⏰ {who}: stakeholders have had no update on {incident.Id} for {(int)silence.TotalMinutes} minutes. Send one with: notify [it|management|users|all] \"<message>\"");
                return new Change([new PendingEvent(new CommsReminded(silence))], [NoticeFactory.ChannelLine(incident, text)]);
            }, cancellationToken);
            reminded += outcome.Recorded.Count > 0 ? 1 : 0;
        }

        return reminded;
    }

    private TimeSpan? Due(Incident incident, DateTimeOffset now)
    {
        if (incident.IsClosed || incident.RemindedAtVersion == incident.Version)
        {
            return null;
        }

        var interval = services.Policy.UpdateInterval.GetValueOrDefault(incident.Severity, TimeSpan.FromHours(1));
        var silence = now - incident.LastStakeholderUpdate;
        return silence >= interval ? silence : null;
    }
}
