using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using ChatOps.Teams.Options;
using ChatOps.Teams.Schema;
using Microsoft.Extensions.Options;

namespace ChatOps.Teams.Connector;

/// <summary>
/// Bot Framework Connector REST client (botframework-channel.json, v3). The base address of every call is a
/// <c>serviceUrl</c> from a validated activity or a stored conversation reference. Conversation and activity ids are
/// escaped in paths, as the SDK does (Teams ids contain <c>:</c>, <c>@</c> and <c>;</c>).
/// </summary>
public class ConnectorClient
{
    private readonly HttpClient _http;
    private readonly IBotTokenProvider _tokens;
    private readonly BotFrameworkOptions _options;
    private readonly ServiceUrlPolicy _serviceUrls;

    public ConnectorClient(HttpClient http, IBotTokenProvider tokens, IOptions<BotFrameworkOptions> options, ServiceUrlPolicy serviceUrls)
    {
        ArgumentNullException.ThrowIfNull(options);
        _http = http;
        _tokens = tokens;
        _options = options.Value;
        _serviceUrls = serviceUrls;
    }

    /// <summary>For mocking frameworks only.</summary>
    protected ConnectorClient()
    {
        _http = null!;
        _tokens = null!;
        _options = null!;
        _serviceUrls = null!;
    }

    /// <summary><c>POST /v3/conversations/{conversationId}/activities</c>.</summary>
    public virtual Task<ResourceResponse> SendToConversationAsync(Uri serviceUrl, string conversationId, Activity activity, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(conversationId);
        return SendAsync(HttpMethod.Post, serviceUrl, $"v3/conversations/{Escape(conversationId)}/activities", conversationId, TenantOf(activity), activity, TeamsJsonContext.Default.Activity, TeamsJsonContext.Default.ResourceResponse, cancellationToken);
    }

    /// <summary><c>POST /v3/conversations/{conversationId}/activities/{activityId}</c>: a reply (in a channel thread, to the thread).</summary>
    public virtual Task<ResourceResponse> ReplyToActivityAsync(Uri serviceUrl, string conversationId, string activityId, Activity activity, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(conversationId);
        ArgumentException.ThrowIfNullOrEmpty(activityId);
        return SendAsync(HttpMethod.Post, serviceUrl, $"v3/conversations/{Escape(conversationId)}/activities/{Escape(activityId)}", conversationId, TenantOf(activity), activity, TeamsJsonContext.Default.Activity, TeamsJsonContext.Default.ResourceResponse, cancellationToken);
    }

    /// <summary><c>PUT /v3/conversations/{conversationId}/activities/{activityId}</c>: replaces a message the bot sent.</summary>
    public virtual Task<ResourceResponse> UpdateActivityAsync(Uri serviceUrl, string conversationId, string activityId, Activity activity, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(conversationId);
        ArgumentException.ThrowIfNullOrEmpty(activityId);
        return SendAsync(HttpMethod.Put, serviceUrl, $"v3/conversations/{Escape(conversationId)}/activities/{Escape(activityId)}", conversationId, TenantOf(activity), activity, TeamsJsonContext.Default.Activity, TeamsJsonContext.Default.ResourceResponse, cancellationToken);
    }

    /// <summary><c>POST /v3/conversations</c>.</summary>
    public virtual Task<ConversationResourceResponse> CreateConversationAsync(Uri serviceUrl, ConversationParameters parameters, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        // Creating a conversation posts into none: only the tenant's limit applies.
        return SendAsync(HttpMethod.Post, serviceUrl, "v3/conversations", null, parameters.TenantId ?? parameters.ChannelData?.Tenant?.Id, parameters, TeamsJsonContext.Default.ConversationParameters, TeamsJsonContext.Default.ConversationResourceResponse, cancellationToken);
    }

    /// <summary>Creates (or finds) the 1:1 chat between the bot and a user, for proactive messages.</summary>
    public virtual Task<ConversationResourceResponse> CreateConversationAsync(Uri serviceUrl, string tenantId, string userId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(tenantId);
        ArgumentException.ThrowIfNullOrEmpty(userId);
        var bot = new ChannelAccount { Id = _options.HasAppId ? "28:" + _options.MicrosoftAppId : null };
        return CreateConversationAsync(serviceUrl, ConversationParameters.ForPersonalChat(bot, tenantId, userId), cancellationToken);
    }

    /// <summary><c>GET /v3/conversations/{conversationId}/members/{userId}</c>: one member, with the Entra object id.</summary>
    public virtual Task<TeamsChannelAccount> GetConversationMemberAsync(Uri serviceUrl, string tenantId, string conversationId, string userId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(conversationId);
        ArgumentException.ThrowIfNullOrEmpty(userId);
        return GetAsync(serviceUrl, $"v3/conversations/{Escape(conversationId)}/members/{Escape(userId)}", tenantId, TeamsJsonContext.Default.TeamsChannelAccount, cancellationToken);
    }

    /// <summary><c>GET /v3/teams/{teamId}</c>: the team's details, among them its <c>aadGroupId</c>.</summary>
    public virtual Task<TeamDetails> GetTeamDetailsAsync(Uri serviceUrl, string tenantId, string teamId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(teamId);
        return GetAsync(serviceUrl, $"v3/teams/{Escape(teamId)}", tenantId, TeamsJsonContext.Default.TeamDetails, cancellationToken);
    }

    private static string Escape(string value) => Uri.EscapeDataString(value);

    private static Uri BaseOf(Uri serviceUrl) => serviceUrl.AbsoluteUri.EndsWith('/') ? serviceUrl : new Uri(serviceUrl.AbsoluteUri + "/");

    private async Task<TResponse> GetAsync<TResponse>(Uri serviceUrl, string relativePath, string tenantId, JsonTypeInfo<TResponse> responseType, CancellationToken cancellationToken)
        where TResponse : new()
    {
        ArgumentNullException.ThrowIfNull(serviceUrl);
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(BaseOf(serviceUrl), relativePath));
        request.Options.Set(ConversationRateLimitHandler.TenantOption, tenantId ?? string.Empty);
        return await ExchangeAsync(request, HttpMethod.Get, relativePath, responseType, cancellationToken);
    }

    private static string? TenantOf(Activity activity) => activity.Conversation?.TenantId ?? activity.ChannelData?.Tenant?.Id;

    private async Task<TResponse> SendAsync<TBody, TResponse>(
        HttpMethod method,
        Uri serviceUrl,
        string relativePath,
        string? conversationId,
        string? tenantId,
        TBody body,
        JsonTypeInfo<TBody> bodyType,
        JsonTypeInfo<TResponse> responseType,
        CancellationToken cancellationToken)
        where TResponse : new()
    {
        ArgumentNullException.ThrowIfNull(serviceUrl);
        ArgumentNullException.ThrowIfNull(body);
        // Serialised once to bytes: the body goes out with a Content-Length in one write (JsonContent streams it
        // chunked), and a retry sends the same bytes again.
        var content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(body, bodyType));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        using var request = new HttpRequestMessage(method, new Uri(BaseOf(serviceUrl), relativePath)) { Content = content };
        if (conversationId is not null)
            request.Options.Set(ConversationRateLimitHandler.ConversationOption, conversationId);
        request.Options.Set(ConversationRateLimitHandler.TenantOption, tenantId ?? string.Empty);
        return await ExchangeAsync(request, method, relativePath, responseType, cancellationToken);
    }

    private async Task<TResponse> ExchangeAsync<TResponse>(HttpRequestMessage request, HttpMethod method, string relativePath, JsonTypeInfo<TResponse> responseType, CancellationToken cancellationToken)
        where TResponse : new()
    {
        var token = await _tokens.GetTokenAsync(cancellationToken);

        // Checked again here although inbound activities were checked: a stored reference may have been edited since.
        if (!_serviceUrls.IsAllowed(request.RequestUri!, withToken: token is not null))
            throw new ConnectorRequestException(HttpStatusCode.Forbidden, $"{method} {relativePath} refused: the serviceUrl's host is not in Teams:ServiceUrlHosts (or is not https).");
        if (token is not null)
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);

        using var response = await _http.SendAsync(request, cancellationToken);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            var excerpt = text.Length > 300 ? text[..300] : text;
            throw new ConnectorRequestException(response.StatusCode, $"{method} {relativePath} answered {(int)response.StatusCode}: {excerpt}")
            {
                RetryAfter = response.Headers.RetryAfter is { } after ? after.Delta ?? (after.Date - DateTimeOffset.UtcNow) : null,
            };
        }

        return string.IsNullOrWhiteSpace(text) ? new TResponse() : JsonSerializer.Deserialize(text, responseType) ?? new TResponse();
    }
}
