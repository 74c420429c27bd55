using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatOps.Slack.Api;

/// <summary>
/// Posts to a command's or click's <c>response_url</c>. Never sends the bot token there, and only to
/// Slack's hosts (<see cref="SlackOptions.ResponseUrlHosts"/>), so a payload cannot make the bot call elsewhere.
/// </summary>
public class SlackResponseUrlClient(HttpClient http, IOptionsMonitor<SlackOptions> options, ILogger<SlackResponseUrlClient> logger)
{
    public virtual bool IsAllowed(string responseUrl)
    {
        if (!Uri.TryCreate(responseUrl, UriKind.Absolute, out var uri))
        {
            return false;
        }

        var hostAllowed = options.CurrentValue.EffectiveResponseUrlHosts.Contains(uri.Host, StringComparer.OrdinalIgnoreCase);
        var schemeAllowed = uri.Scheme == Uri.UriSchemeHttps || (uri.IsLoopback && uri.Scheme == Uri.UriSchemeHttp);
        return hostAllowed && schemeAllowed;
    }

    public virtual async Task SendAsync(string responseUrl, JsonObject message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (!IsAllowed(responseUrl))
        {
            Log.ResponseUrlRefused(logger, Uri.TryCreate(responseUrl, UriKind.Absolute, out var bad) ? bad.Host : "(not a URL)");
            throw new SlackApiException("response_url", "response_url_not_allowed");
        }

        using var content = new StringContent(message.ToJsonString(), Encoding.UTF8, "application/json");
        using var response = await http.PostAsync(new Uri(responseUrl), content, cancellationToken);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new SlackApiException("response_url", $"http_{(int)response.StatusCode}", response.StatusCode);
        }
    }
}
