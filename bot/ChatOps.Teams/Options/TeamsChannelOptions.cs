namespace ChatOps.Teams.Options;

/// <summary>Tuning of the Teams channel (configuration section <c>Teams</c>); defaults suit production.</summary>
public sealed class TeamsChannelOptions
{
    public const string SectionName = "Teams";

    /// <summary>Refuse OpenID metadata and keys over http. Tests against a local http issuer turn it off.</summary>
    public bool RequireHttpsMetadata { get; set; } = true;

    /// <summary>Least time between two key refreshes caused by an unknown <c>kid</c>.</summary>
    public TimeSpan MetadataRefreshInterval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How often the signing keys are refreshed anyway.</summary>
    public TimeSpan MetadataAutomaticRefreshInterval { get; set; } = TimeSpan.FromHours(12);

    /// <summary>First back-off of a retried connector call (exponential with jitter; Retry-After wins on 429).</summary>
    public TimeSpan ConnectorRetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    public int ConnectorMaxRetries { get; set; } = 4;

    /// <summary>Sends per conversation per second (Teams: 7). Limits: learn.microsoft.com/en-us/microsoftteams/platform/bots/how-to/rate-limit.</summary>
    public int ConversationSendsPerSecond { get; set; } = 7;

    /// <summary>Sends per conversation per 2 seconds (Teams: 8).</summary>
    public int ConversationSendsPer2Seconds { get; set; } = 8;

    /// <summary>Sends per conversation per 30 seconds (Teams: 60).</summary>
    public int ConversationSendsPer30Seconds { get; set; } = 60;

    /// <summary>Sends per conversation per hour (Teams: 1800).</summary>
    public int ConversationSendsPerHour { get; set; } = 1800;

    /// <summary>Connector requests per second for one tenant, all conversations together (Teams: 50 per app per tenant).</summary>
    public int TenantRequestsPerSecond { get; set; } = 50;

    /// <summary>
    /// Bot Framework channels served (activity <c>channelId</c>). Empty means <c>msteams</c> only: in Web Chat and
    /// Direct Line the client writes <c>from</c> and channel data itself, so those are served only when listed.
    /// </summary>
    public IList<string> AllowedChannels { get; } = [];

    /// <summary>
    /// Tenants served besides <c>MicrosoftAppTenantId</c>; <c>*</c> serves every tenant (a multi-tenant app).
    /// With neither set, every tenant is served.
    /// </summary>
    public IList<string> AllowedTenants { get; } = [];

    /// <summary>
    /// Hosts a <c>serviceUrl</c> may name (a leading <c>*.</c> matches subdomains). Empty means Bot Framework's own:
    /// <c>smba.trafficmanager.net</c> and <c>*.botframework.com</c>. The bot sends its connector token nowhere else.
    /// </summary>
    public IList<string> ServiceUrlHosts { get; } = [];

    /// <summary>Refuse http serviceUrls outside Development. Tests against a local http connector turn it off.</summary>
    public bool RequireHttpsServiceUrl { get; set; } = true;

    internal IReadOnlyList<string> EffectiveChannels => AllowedChannels.Count == 0 ? ["msteams"] : [.. AllowedChannels];

    internal IReadOnlyList<string> EffectiveServiceUrlHosts =>
        ServiceUrlHosts.Count == 0 ? ["smba.trafficmanager.net", "*.botframework.com"] : [.. ServiceUrlHosts];

    /// <summary><c>private</c> (default: incident details stay with the people named) or <c>standard</c>: the kind of channel <c>declare --channel</c> creates.</summary>
    public string IncidentChannelType { get; set; } = "private";

    /// <summary>Rename an incident's channel with a closed marker when the incident closes (Graph PATCH channel).</summary>
    public bool RenameClosedChannels { get; set; }

    /// <summary>Microsoft Graph's base URL, ending in <c>/</c>; tests point it at a local fake.</summary>
    public string GraphBaseUrl { get; set; } = "https://graph.microsoft.com/v1.0/";

    /// <summary>The client-credentials scope of Graph tokens.</summary>
    public string GraphScope { get; set; } = "https://graph.microsoft.com/.default";

    public bool IsPrivateIncidentChannel => string.Equals(IncidentChannelType, "private", StringComparison.OrdinalIgnoreCase);
}
