using ChatOps.Core.Incidents;

namespace ChatOps.Core.Policy;

/// <summary>Deployment-wide policy, bound from the <c>Policy</c> configuration section.</summary>
public sealed class PolicyOptions
{
    public const string Section = "Policy";

    /// <summary>A YAML playbook replacing the built-in one; a malformed file stops start-up.</summary>
    public string? PlaybookPath { get; set; }

    /// <summary>Distinct approvers a deployment needs (one more outside a maintenance window).</summary>
    public int RequiredApprovals { get; set; } = 1;

    /// <summary>People who hold a role in every incident unless the commander changes it: role → user ids.</summary>
    public Dictionary<IncidentRole, List<string>> DefaultRoles { get; init; } = [];

    /// <summary>Recurring maintenance windows (cron, duration, time zone).</summary>
    public List<MaintenanceWindowPolicy> MaintenanceWindows { get; init; } = [];

    /// <summary>How long an active incident may go without a stakeholder update before comms is reminded, per severity.</summary>
    public Dictionary<Severity, TimeSpan> UpdateInterval { get; init; } = new()
    {
        [Severity.Sev1] = TimeSpan.FromMinutes(30),
        [Severity.Sev2] = TimeSpan.FromMinutes(60),
        [Severity.Sev3] = TimeSpan.FromHours(4),
        [Severity.Sev4] = TimeSpan.FromHours(24),
    };

    /// <summary>
    /// Hosts whose test-evidence links become an "Open test evidence" button for approvers (a leading <c>*.</c> matches
    /// subdomains), e.g. your CI. Any other link is shown as text only: a button from the bot lends a link trust it
    /// has not earned (phishing). Empty: no evidence link is a button.
    /// </summary>
    public List<string> EvidenceHosts { get; init; } = [];

    /// <summary>
    /// Rows of the authority matrix that replace the shipped ones: action (a space written <c>-</c>, e.g. <c>deploy-start</c>) →
    /// role names separated by commas (member, commander, approver, comms, scribe). See docs/AUTHORITY.md.
    /// </summary>
    public Dictionary<string, string> Authority { get; init; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// How long a deployed system stays watched after its approval's window ends (issue 20): a firing alert on it in that
    /// time posts an alert card and holds <c>deploy verify … ok</c>. Default two hours (PT2H); configured as <c>02:00:00</c>.
    /// </summary>
    public TimeSpan WatchFor { get; set; } = TimeSpan.FromHours(2);

    /// <summary>At the end of a quiet watch the bot verifies the deployed systems itself (recorded as the bot, with its reason) instead of asking the commander.</summary>
    public bool AutoVerify { get; set; }

    public bool IsDefault(IncidentRole role, string userId) =>
        DefaultRoles.TryGetValue(role, out var ids) && ids.Contains(userId, StringComparer.Ordinal);
}

/// <summary>A recurring window: a cron expression (UTC fields interpreted in <see cref="TimeZone"/>), a duration and a zone.</summary>
public sealed class MaintenanceWindowPolicy
{
    public string Name { get; set; } = "";

    public string Cron { get; set; } = "";

    public TimeSpan Duration { get; set; }

    public string TimeZone { get; set; } = "UTC";
}
