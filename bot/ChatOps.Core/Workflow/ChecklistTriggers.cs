using ChatOps.Core.Incidents;

namespace ChatOps.Core.Workflow;

/// <summary>
/// The things in an incident's record that complete a playbook item (its <c>done-when</c>). Each is a question to the
/// record, so a checklist item ticked by one of them says exactly what the record shows.
/// </summary>
public static class ChecklistTriggers
{
    private static readonly string[] Audiences = Commands.Grammar.CommandCatalog.Audiences;

    /// <summary>Every known trigger and what it means (for playbook authors and the loader's errors).</summary>
    public static IReadOnlyDictionary<string, string> Known { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["systems"] = "an affected system is recorded (assess dialog, declare --systems, system add)",
        ["vulnerabilities"] = "a vulnerability is recorded (assess dialog, declare --cve, vuln add)",
        ["impact"] = "impact and data exposure are assessed (assess dialog)",
        ["containment"] = "containment actions are recorded and none is still open (contain add, contain done)",
        ["tested"] = "every patch has a passing or waived test (test … pass|waive)",
        ["rollback-plan"] = "every patch has a rollback plan or a passing test",
        ["approved"] = "a deployment is approved",
        ["verified"] = "every system of every patch is verified patched (deploy verify … ok)",
        ["notified:it"] = "a notice went to members of it (audience add it @person)",
        ["notified:management"] = "a notice went to members of management",
        ["notified:users"] = "a notice went to members of users",
        ["exported"] = "the report was exported (export)",
        ["reviewed"] = "every question of the review is answered (review)",
    };

    public static bool IsKnown(string trigger) => Known.ContainsKey(trigger);

    /// <summary>True when the record shows what <paramref name="trigger"/> asks for.</summary>
    public static bool Holds(Incident incident, string trigger)
    {
        ArgumentNullException.ThrowIfNull(incident);
        return trigger switch
        {
            "systems" => incident.Systems.Count > 0,
            "vulnerabilities" => incident.Vulnerabilities.Count > 0,
            "impact" => incident.Impact is not null && incident.DataExposure is not null,
            "containment" => incident.Containment.Count > 0 && !incident.OpenContainment.Any(),
            "tested" => incident.Patches.Count > 0 && incident.Patches.All(p => p.LatestTest is { Passed: true } or { Waived: true }),
            "rollback-plan" => incident.Patches.Count > 0 && incident.Patches.All(p => p.RollbackPlan is not null || p.LatestTest is { Passed: true }),
            "approved" => incident.Approvals.Any(a => a.Status is ApprovalStatus.Approved or ApprovalStatus.Deployed),
            "verified" => incident.Patches.Count > 0 && incident.Patches.All(p => p.Systems.Count > 0 && p.Systems.Values.All(s => s == SystemPatchState.Patched)),
            "exported" => incident.ReportExported,
            "reviewed" => Dialogs.ReviewDialog.Questions.All(q => incident.ReviewAnswerTo(q.Key) is not null),
            _ when trigger.StartsWith(NotifiedPrefix, StringComparison.Ordinal) => Notified(incident, trigger[NotifiedPrefix.Length..]),
            _ => false,
        };
    }

    public const string NotifiedPrefix = "notified:";

    /// <summary>
    /// A notice went to <paramref name="audience"/> while it had members in the incident, and was not found to reach
    /// nobody. (Open and configured recipients are known only when the notice is delivered, so they do not count here.)
    /// </summary>
    public static bool Notified(Incident incident, string audience)
    {
        ArgumentNullException.ThrowIfNull(incident);
        return Audiences.Contains(audience, StringComparer.Ordinal) && incident.Notices.Any(n =>
            n.ToMembers.Contains(audience, StringComparer.OrdinalIgnoreCase) && !n.ReachedNobody.Contains(audience, StringComparer.OrdinalIgnoreCase));
    }
}
