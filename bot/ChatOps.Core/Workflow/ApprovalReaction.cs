using System.Globalization;
using ChatOps.Core.Decisions;
using ChatOps.Core.Decisions.Events;
using ChatOps.Core.Incidents;

namespace ChatOps.Core.Workflow;

/// <summary>Voids an open approval when what it is bound to changes, and expires it when its window has ended.</summary>
public sealed class ApprovalReaction : IIncidentReaction
{
    public Change React(Incident incident, IReadOnlyList<DecisionRecord> recorded, DateTimeOffset now) => new(Voids(incident, now).ToList(), []);

    /// <summary>The voids and expiries due now: what changed under an open approval, or its ended window.</summary>
    internal static IEnumerable<PendingEvent> Voids(Incident incident, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(incident);
        foreach (var approval in incident.Approvals.Where(a => a.IsOpen))
        {
            if (approval.Binding.Difference(incident.FindPatch(approval.PatchId)) is { } why)
            {
                yield return new PendingEvent(new ApprovalVoided(approval.Id, ApprovalStatus.Voided), $"voided because {why}; request the deployment again");
            }
            else if (now >= approval.Binding.Window.End)
            {
                yield return new PendingEvent(new ApprovalVoided(approval.Id, ApprovalStatus.Expired),
                    string.Create(CultureInfo.InvariantCulture, $"its window ended at {approval.Binding.Window.End:yyyy-MM-dd HH:mm} UTC"));
            }
        }
    }
}
