using ChatOps.Core.Decisions;
using ChatOps.Core.Decisions.Events;
using ChatOps.Core.Incidents;
using ChatOps.Core.Workflow;

namespace ChatOps.Core.Notifications;

/// <summary>
/// Tells stakeholders automatically when something they care about happens: declaration, phase changes, approval
/// decisions, deployment start / finish / rollback and close. Written in the same transaction as the change.
/// </summary>
public sealed class NotificationReaction(NoticeFactory notices) : IIncidentReaction
{
    private static readonly string[] Everyone = ["it", "management", "users"];

    public Change React(Incident incident, IReadOnlyList<DecisionRecord> recorded, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(incident);
        ArgumentNullException.ThrowIfNull(recorded);
        var lines = new List<(string Message, string[] Audiences)>();
        foreach (var record in recorded)
        {
            var evt = EventSerializer.Deserialize(record.Kind, record.Payload);
            switch (evt)
            {
                case IncidentDeclared d:
                    lines.Add(($"Incident declared: {d.Title} ({PhaseNames.Of(d.Severity)}). The response team is assessing.", ["it", "management"]));
                    break;
                case PhaseChanged p:
                    lines.Add(($"The response moved to {PhaseNames.Of(p.To)}.", ["it", "management"]));
                    break;
                case ApprovalVoted v when incident.FindApproval(v.ApprovalId) is { Status: ApprovalStatus.Approved or ApprovalStatus.Rejected } a
                    && a.Votes.Count > 0 && a.Votes[^1].At == record.At:
                    lines.Add((a.Status == ApprovalStatus.Approved
                        ? $"Deployment of {a.PatchId} approved for {a.Binding.Window}."
                        : $"Deployment of {a.PatchId} was rejected: {record.Reason}", a.Status == ApprovalStatus.Approved ? Everyone : ["it", "management"]));
                    break;
                case DeploymentStarted s:
                    lines.Add(($"Deployment of {s.PatchId} has started.", Everyone));
                    break;
                case DeploymentFinished f:
                    lines.Add(($"Deployment of {f.PatchId} {(f.Succeeded ? "finished successfully" : "failed; the team is working on it")}.", Everyone));
                    break;
                case SystemPatchStateChanged { State: SystemPatchState.RolledBack } r:
                    lines.Add(($"Deployment of {r.PatchId} was rolled back on {string.Join(", ", r.Systems)}: {record.Reason}", Everyone));
                    break;
                case IncidentClosed:
                    lines.Add(("The incident is closed. Thank you for your patience.", Everyone));
                    break;
            }
        }

        if (lines.Count == 0)
        {
            return new Change([], []);
        }

        // One notice per command: several milestones in one change are sent together.
        var message = string.Join(" ", lines.Select(l => l.Message));
        var audiences = lines.SelectMany(l => l.Audiences).Distinct().ToList();
        return notices.Publish(incident, audiences, message, now);
    }
}
