using Microsoft.Extensions.Options;

namespace ChatOps.Slack.Api;

/// <summary><c>apps.*</c> methods, called with the app-level token (<see cref="SlackOptions.AppToken"/>).</summary>
public class AppsApi(SlackApiClient client, IOptionsMonitor<SlackOptions> options)
{
    /// <summary>Errors of <c>apps.connections.open</c> that mean the token itself is wrong: retrying cannot help.</summary>
    public static readonly IReadOnlySet<string> TokenErrors = new HashSet<string>(StringComparer.Ordinal)
    {
        "invalid_auth", "not_authed", "token_revoked", "token_expired", "account_inactive", "not_allowed_token_type", "missing_scope",
    };

    /// <summary>
    /// A fresh Socket Mode WebSocket URL (api.slack.com/methods/apps.connections.open). Each URL is for one connection
    /// and is short-lived, so the caller connects to it at once.
    /// </summary>
    public virtual async Task<Uri> OpenConnectionAsync(CancellationToken cancellationToken = default)
    {
        const string method = "apps.connections.open";
        var token = options.CurrentValue.AppToken;
        if (string.IsNullOrEmpty(token))
        {
            throw new InvalidOperationException("Slack:AppToken is not configured; Socket Mode cannot connect.");
        }

        var result = await client.CallAsAppAsync(method, token, cancellationToken);
        var url = SlackApiClient.Required(result, method, "url");
        return Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeWss || uri.Scheme == Uri.UriSchemeWs)
            ? uri
            : throw new SlackApiException(method, "invalid_url");
    }
}
