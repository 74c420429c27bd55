using ChatOps.Core.Decisions;
using ChatOps.Core.Incidents;
using static ChatOps.Testing.WorkflowHarness;

namespace ChatOps.Testing;

/// <summary>
/// The full emergency-patch scenario, Assess to close, driven through the dispatcher as people would type it,
/// with the clock moving between steps. Every command must succeed (else it throws); the report tests read what it recorded.
/// </summary>
public static class EmergencyPatchScenario
{
    public const string IncidentId = "INC-2026-0001";

    public static Dictionary<string, string?> Settings => new()
    {
        ["Reports:SigningKey"] = "test-signing-key-0123456789abcdefghijklmnop",
        ["Reports:PublicBaseUrl"] = "https://chatops.example.org/bot",
    };

    /// <summary>Stands for Bob pressing Approve on the approval card of A1.</summary>
    private const string ApproveClick = "[approve A1]";

    // (actor, text, minutes to wait before it)
    private static readonly (string Actor, string Text, int After)[] Steps =
    [
        ("alice", "declare \"Exchange ProxyShell exploitation\" --sev sev1 --systems mail01,mail02 --cve CVE-2021-34473", 0),
        ("alice", "role approver @29:bob", 2),
        ("alice", "role scribe @29:carol", 1),
        ("alice", "audience add it @29:dan", 0),
        ("alice", "audience add management @29:carol", 0),
        ("alice", "audience add users @29:dan", 0),
        ("carol", "vuln add CVE-2021-34523 --cvss CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H --exploited yes", 5),
        ("carol", "system add owa01 --owner @29:dan --criticality high", 1),
        ("alice", "assess", 3),
        ("alice", "none", 1),
        ("alice", "Mail for 4000 users is exposed to remote code execution", 1),
        ("alice", "unknown — mailboxes may have been read", 1),
        ("alice", "phase contain", 2),
        ("alice", "contain add \"Block OWA at the edge\" --undo \"Remove WAF rule 17\" --owner @29:bob", 4),
        ("bob", "contain done C1", 20),
        ("carol", "check accounts", 1),
        ("carol", "check evidence", 1),
        ("alice", "phase test --skip \"Token revocation is tracked by the identity team\"", 5),
        ("carol", "patch add KB5001779 \"Exchange security update\" --systems mail01,mail02 --rollback \"Uninstall KB5001779\"", 10),
        ("carol", "test KB5001779 pass --env staging --evidence https://ci.example.org/runs/42", 45),
        ("alice", "decision \"Patch tonight, outside the window\" --because \"Active exploitation of internet-facing mail\"", 5),
        ("alice", "deploy request KB5001779 --window 2026-11-28T00:00Z/PT4H", 1),
        ("bob", ApproveClick, 10),
        ("alice", "phase implement", 30),
        ("carol", "deploy start KB5001779", 5),
        ("carol", "deploy verify KB5001779 mail01 ok", 20),
        ("carol", "deploy verify KB5001779 mail02 ok", 5),
        ("carol", "export md", 60),
        ("alice", "phase review", 60),
        ("alice", "review", 60),
        ("alice", "Edge block in place within 30 minutes", 1),
        ("bob", "Our asset inventory was out of date", 1),
        ("alice", "Internet-facing Exchange was two CUs behind", 1),
        ("carol", "Keep the CMDB patch level current", 1),
        ("alice", "owner @29:dan, due 2026-12-15, automate CU rollout; owner @29:bob, due 2026-12-31, remove the WAF rule exception list", 1),
        ("alice", "Update the Exchange playbook with the edge block", 1),
        ("bob", "contain undo C1", 30),
        ("alice", "close --force \"Remaining checklist items are tracked as review action items\"", 10),
    ];

    public static async Task RunAsync(WorkflowHarness h)
    {
        ArgumentNullException.ThrowIfNull(h);
        foreach (var (actor, text, after) in Steps)
        {
            h.Time.Advance(TimeSpan.FromMinutes(after));
            var who = actor switch { "bob" => Bob, "carol" => Carol, _ => Alice };
            var reply = text == ApproveClick
                ? await h.ClickAsync("approval.approve", new Dictionary<string, string> { ["incidentId"] = IncidentId, ["approvalId"] = "A1", ["version"] = "1" }, who)
                : await h.SayAsync(text, who);
            if (IsError(reply))
            {
                throw new InvalidOperationException($"'{text}' failed: {Text(reply)}");
            }
        }
    }

    /// <summary>The incident the scenario ran and its decision records, as the report builder takes them.</summary>
    public static async Task<(Incident Incident, IReadOnlyList<DecisionRecord> Records)> LoadAsync(WorkflowHarness h)
    {
        ArgumentNullException.ThrowIfNull(h);
        var snapshot = await h.Storage.Incidents.GetAsync(Tenant, IncidentId);
        return (snapshot!.Incident, await h.Storage.Incidents.GetDecisionsAsync(Tenant, IncidentId));
    }
}
