using Microsoft.Extensions.Options;

namespace ChatOps.Teams.Options;

/// <summary>Start-up checks of the <c>Teams</c> section; each message names the configuration key.</summary>
internal sealed class TeamsChannelOptionsValidator : IValidateOptions<TeamsChannelOptions>
{
    public ValidateOptionsResult Validate(string? name, TeamsChannelOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (options.MetadataRefreshInterval <= TimeSpan.Zero)
            failures.Add("Teams:MetadataRefreshInterval must be positive.");
        if (options.MetadataAutomaticRefreshInterval <= TimeSpan.Zero)
            failures.Add("Teams:MetadataAutomaticRefreshInterval must be positive.");
        if (options.ConnectorRetryDelay <= TimeSpan.Zero)
            failures.Add("Teams:ConnectorRetryDelay must be positive.");
        if (options.ConnectorMaxRetries is < 1 or > 10)
            failures.Add("Teams:ConnectorMaxRetries must be between 1 and 10.");
        if (options.ConversationSendsPerSecond < 1)
            failures.Add("Teams:ConversationSendsPerSecond must be at least 1.");
        if (options.ConversationSendsPer2Seconds < 1)
            failures.Add("Teams:ConversationSendsPer2Seconds must be at least 1.");
        if (options.ConversationSendsPer30Seconds < 1)
            failures.Add("Teams:ConversationSendsPer30Seconds must be at least 1.");
        if (options.ConversationSendsPerHour < 1)
            failures.Add("Teams:ConversationSendsPerHour must be at least 1.");
        if (options.TenantRequestsPerSecond < 1)
            failures.Add("Teams:TenantRequestsPerSecond must be at least 1.");
        if (!options.IsPrivateIncidentChannel && !string.Equals(options.IncidentChannelType, "standard", StringComparison.OrdinalIgnoreCase))
            failures.Add($"Teams:IncidentChannelType must be private or standard (was '{options.IncidentChannelType}').");
        if (!Uri.TryCreate(options.GraphBaseUrl, UriKind.Absolute, out var graph) || (graph.Scheme != Uri.UriSchemeHttps && graph.Scheme != Uri.UriSchemeHttp))
            failures.Add($"Teams:GraphBaseUrl must be an absolute http(s) URL (was '{options.GraphBaseUrl}').");
        if (string.IsNullOrWhiteSpace(options.GraphScope))
            failures.Add("Teams:GraphScope must not be empty.");
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
