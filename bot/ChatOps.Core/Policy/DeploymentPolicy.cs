using ChatOps.Core.Incidents;

namespace ChatOps.Core.Policy;

/// <summary>The deployment gates: which window applies, how many approvals, who may approve.</summary>
public sealed class DeploymentPolicy(PolicyOptions options)
{
    private readonly Authority.AuthorityMatrix _authority = new(options);

    public static readonly TimeSpan EmergencyWindow = TimeSpan.FromHours(4);

    /// <summary>Whether a test-evidence link may be offered as a button: https on a host in <c>Policy:EvidenceHosts</c>.</summary>
    public bool IsTrustedEvidence(string? url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttps)
            return false;
        var host = uri.IdnHost;
        return options.EvidenceHosts.Any(pattern => pattern.StartsWith("*.", StringComparison.Ordinal)
            ? host.EndsWith(pattern[1..], StringComparison.OrdinalIgnoreCase) && host.Length > pattern.Length - 1
            : string.Equals(pattern, host, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>
    /// The window a request binds to, and whether it is a maintenance window. A typed window is one only when it lies
    /// inside a configured occurrence; with no windows configured every typed window is a requested window, so the
    /// emergency rule applies. Without a typed window: the configured window open now, else the next one.
    /// </summary>
    public (MaintenanceWindow? Window, bool InsideMaintenance) ResolveWindow(MaintenanceWindow? requested, DateTimeOffset now)
    {
        var configured = options.MaintenanceWindows;
        if (requested is not null)
        {
            var occurrence = MaintenanceWindows.Containing(configured, requested.Start);
            return (requested, occurrence is not null && requested.End <= occurrence.End);
        }

        var window = MaintenanceWindows.Containing(configured, now) ?? MaintenanceWindows.Next(configured, now);
        return (window, window is not null);
    }

    public bool HasMaintenanceWindows => options.MaintenanceWindows.Count > 0;

    public int RequiredApprovals(bool insideMaintenance) => options.RequiredApprovals + (insideMaintenance ? 0 : 1);

    /// <summary>Who may decide approvals (holders of the roles the authority matrix lets approve), by user id.</summary>
    public IReadOnlyList<string> Approvers(Incident incident)
    {
        ArgumentNullException.ThrowIfNull(incident);
        return _authority.Rule("approve").Roles.SelectMany(r => Authority.AuthorityMatrix.Holders(incident, r)).Select(p => p.UserId)
            .Distinct(StringComparer.Ordinal).ToList();
    }
}
