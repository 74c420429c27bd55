using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using ChatOps.Teams.Options;
using Microsoft.Extensions.Options;

namespace ChatOps.Teams.Graph;

/// <summary>
/// The Microsoft Graph calls the bot makes for incident channels (v1.0): create a channel (channel-post), read one
/// (channel-get) and rename one (channel-patch). A team is addressed by its Microsoft 365 group id; ids are escaped in
/// paths (channel ids contain <c>:</c> and <c>@</c>). Every call carries an app-only token of the team's tenant.
/// </summary>
public class GraphClient
{
    private readonly HttpClient _http;
    private readonly IGraphTokenProvider _tokens;
    private readonly Uri _base;

    public GraphClient(HttpClient http, IGraphTokenProvider tokens, IOptions<TeamsChannelOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _http = http;
        _tokens = tokens;
        _base = BaseOf(options.Value.GraphBaseUrl);
    }

    /// <summary>For mocking frameworks only.</summary>
    protected GraphClient()
    {
        _http = null!;
        _tokens = null!;
        _base = null!;
    }

    /// <summary>The base every call and every <c>user@odata.bind</c> is resolved against.</summary>
    public virtual Uri BaseAddress => _base;

    /// <summary><c>POST /teams/{team-id}/channels</c> → 201 with the channel.</summary>
    public virtual Task<GraphChannel> CreateChannelAsync(string tenantId, string teamId, GraphChannel channel, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(teamId);
        ArgumentNullException.ThrowIfNull(channel);
        return SendAsync(HttpMethod.Post, tenantId, $"teams/{Escape(teamId)}/channels", channel, cancellationToken);
    }

    /// <summary><c>GET /teams/{team-id}/channels/{channel-id}</c>.</summary>
    public virtual Task<GraphChannel> GetChannelAsync(string tenantId, string teamId, string channelId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(teamId);
        ArgumentException.ThrowIfNullOrEmpty(channelId);
        return SendAsync(HttpMethod.Get, tenantId, $"teams/{Escape(teamId)}/channels/{Escape(channelId)}", null, cancellationToken);
    }

    /// <summary><c>PATCH /teams/{team-id}/channels/{channel-id}</c> → 204.</summary>
    public virtual Task UpdateChannelAsync(string tenantId, string teamId, string channelId, GraphChannel changes, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(teamId);
        ArgumentException.ThrowIfNullOrEmpty(channelId);
        ArgumentNullException.ThrowIfNull(changes);
        return SendAsync(HttpMethod.Patch, tenantId, $"teams/{Escape(teamId)}/channels/{Escape(channelId)}", changes, cancellationToken);
    }

    internal static Uri BaseOf(string baseUrl) => new(baseUrl.EndsWith('/') ? baseUrl : baseUrl + "/");

    private static string Escape(string value) => Uri.EscapeDataString(value);

    private async Task<GraphChannel> SendAsync(HttpMethod method, string tenantId, string relativePath, GraphChannel? body, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(tenantId);
        using var request = new HttpRequestMessage(method, new Uri(_base, relativePath));
        if (body is not null)
            request.Content = JsonContent.Create(body, GraphJsonContext.Default.GraphChannel);
        var token = await _tokens.GetTokenAsync(tenantId, cancellationToken);
        if (token is not null)
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);

        using var response = await _http.SendAsync(request, cancellationToken);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            var error = TryRead(text, GraphJsonContext.Default.GraphErrorResponse)?.Error;
            var message = error?.Message ?? (text.Length > 300 ? text[..300] : text);
            throw new GraphRequestException(response.StatusCode, error?.Code, $"{method} {relativePath} answered {(int)response.StatusCode}: {message}")
            {
                RetryAfter = response.Headers.RetryAfter is { } after ? after.Delta ?? (after.Date - DateTimeOffset.UtcNow) : null,
            };
        }

        return TryRead(text, GraphJsonContext.Default.GraphChannel) ?? new GraphChannel();
    }

    private static T? TryRead<T>(string text, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type)
        where T : class
    {
        if (string.IsNullOrWhiteSpace(text))
            return null;
        try
        {
            return JsonSerializer.Deserialize(text, type);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
