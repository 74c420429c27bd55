using System.Globalization;
using ChatOps.Core.Decisions.Events;
using ChatOps.Core.Incidents;
using ChatOps.Core.Storage;
using ChatOps.Core.Views;
using ChatOps.Core.Workflow;

namespace ChatOps.Core.Notifications;

/// <summary>Builds a stakeholder notice: the decision record and one outbox row per audience, each with its template.</summary>
public sealed class NoticeFactory(NotificationOptions options)
{
    public Change Publish(Incident incident, IReadOnlyList<string> audiences, string message, DateTimeOffset now, string? reason = null)
    {
        ArgumentNullException.ThrowIfNull(incident);
        var noticeId = "N" + (incident.Notices.Count + 1).ToString(CultureInfo.InvariantCulture);
        var outbox = audiences.Select(a => new Notice(noticeId, incident.TenantId, incident.Id, incident.Conversation, a,
            Build(incident, a, noticeId, message, now), null, incident.MembersOf(a).Select(m => m.UserId).ToList()).ToOutbox()).ToList();
        var toMembers = audiences.Where(a => incident.MembersOf(a).Any()).ToList();
        return new Change([new PendingEvent(new NoticePublished(noticeId, audiences, message, toMembers.Count > 0 ? toMembers : null), reason)], outbox);
    }

    /// <summary>A line posted into the incident's own conversation (not a stakeholder notice).</summary>
    public static OutboxMessage ChannelLine(Incident incident, string text, TextMention? mention = null)
    {
        ArgumentNullException.ThrowIfNull(incident);
        return new Notice(Guid.NewGuid().ToString("N")[..12], incident.TenantId, incident.Id, incident.Conversation, "channel", null, text, null, mention).ToOutbox();
    }

    public StatusUpdateView Build(Incident incident, string audience, string noticeId, string message, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(incident);
        var approval = incident.Approvals.LastOrDefault(a => a.Status is ApprovalStatus.Approved or ApprovalStatus.Deployed)
            ?? incident.Approvals.LastOrDefault();
        var patch = approval is null ? incident.Patches.LastOrDefault() : incident.FindPatch(approval.PatchId);
        var window = approval is null ? null : new TimeWindowLine(approval.Binding.Window.Start, approval.Binding.Window.End, Requested: approval.Emergency is not null);
        var timeline = new List<TimelineLine> { new(incident.DeclaredAt, "Incident declared") };
        timeline.AddRange(incident.Containment.Where(c => c.DoneAt is not null).Select(c => new TimelineLine(c.DoneAt!.Value, $"Contained: {c.Action}")));
        timeline.AddRange(incident.Approvals.SelectMany(a => a.Votes.Where(v => v.Approved).Take(1)).Select(v => new TimelineLine(v.At, "Deployment approved")));
        var template = options.TemplateOf(audience);
        var userChanges = window is null
            ? "No change for you yet; we will tell you before anything changes."
            : string.Create(CultureInfo.InvariantCulture, $"Affected services may be unavailable between {window.Start:yyyy-MM-dd HH:mm} and {window.End:HH:mm} UTC.");
        return new StatusUpdateView(incident.Id, noticeId, incident.Id, incident.Title, PhaseProjection.Current(incident).Name, template, message,
            incident.Systems.Select(s => s.Name).ToList(), patch?.Id, patch?.Description, window, incident.Impact,
            timeline.OrderBy(t => t.At).ToList(), userChanges, now, Acknowledgeable: !incident.IsClosed);
    }
}
