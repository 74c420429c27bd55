using System.Security.Cryptography;
using System.Text;

namespace ChatOps.Core.Incidents;

/// <summary>
/// What an approval is bound to: the exact patch, its systems, the window and the test evidence (or waiver and
/// rollback plan) at the moment of the request, and the artifact digest when the patch names one. If any of it
/// changes, the approval no longer holds; the gate API returns it so a pipeline can refuse to deploy anything else.
/// </summary>
public sealed record ApprovalBinding(
    string PatchId,
    string PatchDescription,
    IReadOnlyList<string> Systems,
    MaintenanceWindow Window,
    string TestResult,
    string? Evidence,
    string? WaiverReason,
    string? RollbackPlan,
    string? Artifact = null)
{
    public static ApprovalBinding Of(Patch patch, MaintenanceWindow window)
    {
        ArgumentNullException.ThrowIfNull(patch);
        var test = patch.LatestTest ?? throw new InvalidOperationException("A binding needs a test result.");
        return new ApprovalBinding(patch.Id, patch.Description, patch.Systems.Keys.Order(StringComparer.OrdinalIgnoreCase).ToList(), window,
            test.Result, test.Evidence, test.WaiverReason, patch.RollbackPlan, patch.Artifact);
    }

    /// <summary>A short fingerprint shown on the card and returned by the gate API.</summary>
    public string Fingerprint
    {
        get
        {
            // The artifact joins only when there is one, so approvals made before artifacts keep their fingerprint.
            var text = string.Join('\n', PatchId, PatchDescription, string.Join(',', Systems), Window, TestResult, Evidence, WaiverReason, RollbackPlan)
                + (Artifact is null ? "" : "\n" + Artifact);
            return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..16];
        }
    }

    /// <summary>Why <paramref name="current"/> no longer matches this binding, or null when it still does.</summary>
    public string? Difference(Patch? current)
    {
        if (current is null)
        {
            return $"patch {PatchId} no longer exists";
        }

        if (!string.Equals(current.Description, PatchDescription, StringComparison.Ordinal))
        {
            return $"the description of {PatchId} changed";
        }

        if (!current.Systems.Keys.Order(StringComparer.OrdinalIgnoreCase).SequenceEqual(Systems, StringComparer.OrdinalIgnoreCase))
        {
            return $"the systems of {PatchId} changed";
        }

        if (!string.Equals(current.Artifact, Artifact, StringComparison.Ordinal))
        {
            return $"the artifact of {PatchId} changed";
        }

        if (!string.Equals(current.RollbackPlan, RollbackPlan, StringComparison.Ordinal))
        {
            return $"the rollback plan of {PatchId} changed";
        }

        var test = current.LatestTest;
        return test is null || test.Result != TestResult || test.Evidence != Evidence || test.WaiverReason != WaiverReason
            ? $"the test evidence of {PatchId} changed"
            : null;
    }
}
