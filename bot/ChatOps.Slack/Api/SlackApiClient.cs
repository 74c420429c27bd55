using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatOps.Slack.Api;

/// <summary>
/// The transport under every method group: POSTs JSON (<c>application/json; charset=utf-8</c>, or a form for
/// methods that need one) with the bot token as bearer to <c>{ApiBaseUrl}{method}</c> and turns <c>ok:false</c> into <see cref="SlackApiException"/>.
/// 429 + <c>Retry-After</c> is handled below it by the resilience handler registered with the HttpClient.
/// </summary>
public class SlackApiClient(HttpClient http, IOptionsMonitor<SlackOptions> options, ILogger<SlackApiClient> logger)
{
    /// <summary>Calls <paramref name="method"/> with a JSON body.</summary>
    public virtual Task<JsonObject> CallAsync(string method, JsonObject arguments, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        return SendAsync(method, new StringContent(arguments.ToJsonString(), Encoding.UTF8, "application/json"), null, cancellationToken);
    }

    /// <summary>
    /// Calls an app-level method (<c>apps.connections.open</c>) with <paramref name="appToken"/> (<c>xapp-…</c>) as
    /// bearer instead of the bot token; Slack wants that token in the header, never in the body.
    /// </summary>
    public virtual Task<JsonObject> CallAsAppAsync(string method, string appToken, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(appToken);
        return SendAsync(method, new StringContent("{}", Encoding.UTF8, "application/json"), appToken, cancellationToken);
    }

    /// <summary>Calls <paramref name="method"/> form-encoded, for the few methods that do not read JSON bodies.</summary>
    public virtual Task<JsonObject> CallFormAsync(string method, IReadOnlyDictionary<string, string> arguments, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        return SendAsync(method, new FormUrlEncodedContent(arguments), null, cancellationToken);
    }

    private async Task<JsonObject> SendAsync(string method, HttpContent content, string? appToken, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(method);
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(method, UriKind.Relative)) { Content = content };
        var token = appToken ?? options.CurrentValue.BotToken;
        if (string.IsNullOrEmpty(token))
        {
            throw new InvalidOperationException("Slack:BotToken is not configured; the bot cannot call the Slack Web API.");
        }

        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await http.SendAsync(request, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            Log.ApiError(logger, method, $"HTTP {(int)response.StatusCode}");
            throw new SlackApiException(method, $"http_{(int)response.StatusCode}", response.StatusCode)
            {
                RetryAfter = response.Headers.RetryAfter?.Delta,
            };
        }

        JsonObject? result;
        try
        {
            await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
            result = await JsonNode.ParseAsync(stream, cancellationToken: cancellationToken) as JsonObject;
        }
        catch (JsonException ex)
        {
            throw new SlackApiException($"Slack {method} answered a body that is not JSON.", ex);
        }

        if (result is null)
        {
            throw new SlackApiException(method, "invalid_response", response.StatusCode);
        }

        if (result["ok"]?.GetValueKind() != JsonValueKind.True)
        {
            var error = result["error"]?.GetValueKind() == JsonValueKind.String ? result["error"]!.GetValue<string>() : "unknown_error";
            Log.ApiError(logger, method, error);
            throw new SlackApiException(method, error, response.StatusCode);
        }

        return result;
    }

    internal static string Required(JsonObject result, string method, params string[] path)
    {
        JsonNode? node = result;
        foreach (var name in path)
        {
            node = node?[name];
        }

        return node?.GetValueKind() == JsonValueKind.String
            ? node.GetValue<string>()
            : throw new SlackApiException(method, $"missing_{string.Join('.', path)}");
    }

    internal static string? Optional(JsonObject result, params string[] path)
    {
        JsonNode? node = result;
        foreach (var name in path)
        {
            node = node?[name];
        }

        return node?.GetValueKind() == JsonValueKind.String ? node.GetValue<string>() : null;
    }
}
