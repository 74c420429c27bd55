using ChatOps.Core.Incidents;

namespace ChatOps.Core.Alerts;

/// <summary>
/// Which deployment watches a system: the system's patch is deploying (or was deployed: patched, failed) on an approval
/// whose window has not ended more than <c>Policy:WatchFor</c> ago. Read from the approval's window, which the snapshot
/// already holds, so no new state is needed to decide whether an alert counts.
/// </summary>
public static class AlertWatch
{
    /// <summary>The watched patch and its deployed approval for <paramref name="system"/>, or null when nothing deployed there is watched now.</summary>
    public static (Patch Patch, ApprovalRequest Approval)? Find(Incident incident, string system, DateTimeOffset now, TimeSpan watchFor)
    {
        ArgumentNullException.ThrowIfNull(incident);
        foreach (var patch in incident.Patches)
        {
            if (!patch.Systems.TryGetValue(system, out var state) || state is not (SystemPatchState.Deploying or SystemPatchState.Patched or SystemPatchState.Failed))
            {
                continue;
            }

            var approval = incident.Approvals.LastOrDefault(a => a.Status == ApprovalStatus.Deployed
                && string.Equals(a.PatchId, patch.Id, StringComparison.OrdinalIgnoreCase));
            if (approval is not null && now >= approval.Binding.Window.Start && now <= End(approval, watchFor))
            {
                return (patch, approval);
            }
        }

        return null;
    }

    /// <summary>When the watch after <paramref name="approval"/>'s deployment ends.</summary>
    public static DateTimeOffset End(ApprovalRequest approval, TimeSpan watchFor)
    {
        ArgumentNullException.ThrowIfNull(approval);
        return approval.Binding.Window.End + watchFor;
    }

    /// <summary>The system's name as the patch spells it.</summary>
    public static string SystemName(Patch patch, string system)
    {
        ArgumentNullException.ThrowIfNull(patch);
        return patch.Systems.Keys.First(k => string.Equals(k, system, StringComparison.OrdinalIgnoreCase));
    }
}
