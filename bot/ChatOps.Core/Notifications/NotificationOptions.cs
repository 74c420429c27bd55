using ChatOps.Core.Views;

namespace ChatOps.Core.Notifications;

/// <summary><c>Notifications:*</c>: audiences, their default recipients, and how delivery retries.</summary>
public sealed class NotificationOptions
{
    public const string Section = "Notifications";

    /// <summary>Audiences by name. it, management and users always exist; more can be added with a template.</summary>
    public Dictionary<string, AudienceOptions> Audiences { get; init; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>How long a dispatcher holds a claimed delivery before another instance may take it over.</summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Failed sends before a delivery is dead-lettered and the incident channel is told.</summary>
    public int MaxAttempts { get; set; } = 5;

    /// <summary>First retry delay; doubled each attempt.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How often the dispatcher looks for work when idle.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Deliveries sent in parallel by one dispatcher.</summary>
    public int Parallelism { get; set; } = 8;

    public static readonly string[] BuiltIn = ["it", "management", "users"];

    public IEnumerable<string> AudienceNames => BuiltIn.Concat(Audiences.Keys).Distinct(StringComparer.OrdinalIgnoreCase);

    public bool IsOpen(string audience) => Audiences.TryGetValue(audience, out var options) && options.Open;

    public bool IsTenantWide(string audience) => Audiences.TryGetValue(audience, out var options) && options.TenantWide;

    public NoticeAudience TemplateOf(string audience) =>
        Audiences.TryGetValue(audience, out var options) && options.Template is { } t ? t
        : audience.ToLowerInvariant() switch { "management" => NoticeAudience.Management, "users" => NoticeAudience.Users, _ => NoticeAudience.It };
}

/// <summary>Default recipients of one audience: user ids and/or conversation (channel) ids, per platform.</summary>
public sealed class AudienceOptions
{
    public NoticeAudience? Template { get; set; }

    /// <summary>Anyone in an incident may <c>subscribe</c> themselves to its updates for this audience (otherwise comms or the commander adds people).</summary>
    public bool Open { get; set; }

    /// <summary>
    /// <c>subscribe AUDIENCE --tenant</c> is allowed and delivers every incident's updates in the tenant, private incident
    /// channels included; off unless configured, because that reaches beyond the incident.
    /// </summary>
    public bool TenantWide { get; set; }

    public List<string> TeamsUsers { get; init; } = [];

    public List<string> TeamsChannels { get; init; } = [];

    public List<string> SlackUsers { get; init; } = [];

    public List<string> SlackChannels { get; init; } = [];
}
