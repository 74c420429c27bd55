using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace ChatOps.Testing.Channels.Teams;

/// <summary>
/// Local Bot Framework Connector: records every request and answers from a script (e.g. 429 with Retry-After,
/// 503), then 200 with a resource id. Its service URL has a path like Teams' (<c>/amer/</c>). For fan-out tests it
/// can also answer per request (<see cref="Respond"/>), enforce Teams' rate limits (<see cref="Limits"/>), hold
/// each answer a while (<see cref="ResponseDelay"/>), and it counts deliveries per conversation and overlapping
/// sends to one conversation.
/// </summary>
public sealed class FakeConnector : IAsyncDisposable
{
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();
    private readonly ConcurrentQueue<(int Status, string? RetryAfter)> _script = new();
    private readonly ConcurrentDictionary<string, int> _inFlight = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> _members = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> _objectIds = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> _teamGroups = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<ConnectorDelivery> _delivered = new();
    private readonly ConcurrentDictionary<string, int> _attempts = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _received = new(0);
    private LocalServer? _server;
    private int _counter;
    private readonly ConcurrentQueue<string> _overlapped = new();
    private int _overlaps;
    private int _throttled;

    public Uri ServiceUrl => new(_server!.BaseAddress, "amer/");

    public IReadOnlyList<RecordedRequest> Requests => [.. _requests];

    /// <summary>Messages the connector accepted (2xx, or a scripted failure after the message landed), in order.</summary>
    public IReadOnlyList<ConnectorDelivery> Delivered => [.. _delivered];

    /// <summary>Times two sends to one conversation were being handled at once.</summary>
    public int Overlaps => _overlaps;

    /// <summary>The conversation of each overlap, in order.</summary>
    public IReadOnlyList<string> OverlappedConversations => [.. _overlapped];

    /// <summary>Requests refused with 429 because they broke <see cref="Limits"/>.</summary>
    public int Throttled => _throttled;

    /// <summary>Answers a request (before the default answer, after <see cref="Enqueue"/>'s script); null answers normally.</summary>
    public Func<ConnectorCall, ConnectorAnswer?>? Respond { get; set; }

    /// <summary>When set, requests over these limits get 429 with Retry-After, as Teams answers.</summary>
    public TeamsRateLimitRules? Limits { get; set; }

    /// <summary>How long each send is held before it is answered (widens the window in which overlaps are seen).</summary>
    public TimeSpan ResponseDelay { get; set; }

    /// <summary>Raised after each accepted message (for tests that act mid fan-out).</summary>
    public event Action<ConnectorDelivery>? MessageDelivered;

    public static async Task<FakeConnector> StartAsync()
    {
        var connector = new FakeConnector();
        connector._server = await LocalServer.StartAsync(app => app.Run(connector.HandleAsync));
        return connector;
    }

    /// <summary>The next request is answered with <paramref name="status"/> (and a Retry-After header, if given).</summary>
    public void Enqueue(int status, string? retryAfter = null) => _script.Enqueue((status, retryAfter));

    /// <summary>Stores which user a 1:1 conversation is with (for references the bot already holds).</summary>
    public void KnowConversation(string conversationId, string userId) => _members[conversationId] = userId;

    /// <summary>A Teams user whose Entra object id the member lookup returns (<c>GET …/members/{userId}</c> answers 404 for others).</summary>
    public void KnowMember(string userId, string objectId) => _objectIds[userId] = objectId;

    /// <summary>A team whose details (<c>GET /v3/teams/{teamId}</c>) name <paramref name="groupId"/> as its aadGroupId.</summary>
    public void KnowTeam(string teamId, string groupId) => _teamGroups[teamId] = groupId;

    /// <summary>Waits until at least <paramref name="count"/> requests arrived (generous timeout for busy CI).</summary>
    public async Task<IReadOnlyList<RecordedRequest>> WaitForRequestsAsync(int count, TimeSpan? timeout = null)
    {
        using var cancel = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(30));
        while (_requests.Count < count)
            await _received.WaitAsync(cancel.Token);
        return Requests;
    }

    private async Task HandleAsync(HttpContext http)
    {
        using var reader = new StreamReader(http.Request.Body);
        var body = await reader.ReadToEndAsync();
        var target = http.Features.Get<IHttpRequestFeature>()!.RawTarget;
        var now = DateTimeOffset.UtcNow;
        _requests.Enqueue(new RecordedRequest(http.Request.Method, target, http.Request.Headers.Authorization.ToString(), body, now, http.Request.ContentLength));
        _received.Release();

        if (_script.TryDequeue(out var scripted))
        {
            await WriteFailureAsync(http, scripted.Status, scripted.RetryAfter);
            return;
        }

        var path = http.Request.Path.Value ?? "";
        if (HttpMethods.IsGet(http.Request.Method))
        {
            await GetAsync(http, path);
            return;
        }

        var creating = path == "/amer/v3/conversations";
        var conversation = creating ? "" : Uri.UnescapeDataString(path.Split('/')[4]);
        if (Limits?.TryAdmit(conversation, now) is { } wait)
        {
            Interlocked.Increment(ref _throttled);
            await WriteFailureAsync(http, 429, Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture));
            return;
        }

        var call = new ConnectorCall(creating ? "create" : "send", conversation, creating ? Member(body) : _members.GetValueOrDefault(conversation, conversation),
            _attempts.AddOrUpdate(creating ? "create:" + Member(body) : conversation, 1, (_, n) => n + 1), body);
        if (creating)
        {
            await CreateAsync(http, call);
            return;
        }

        await SendAsync(http, call, now);
    }

    // GET /amer/v3/conversations/{id}/members/{userId} and GET /amer/v3/teams/{teamId}, as Teams answers them.
    private async Task GetAsync(HttpContext http, string path)
    {
        var parts = path.Split('/', StringSplitOptions.RemoveEmptyEntries).Select(Uri.UnescapeDataString).ToArray();
        JsonObject? answer = parts switch
        {
            ["amer", "v3", "conversations", _, "members", var user] when _objectIds.TryGetValue(user, out var objectId) =>
                new JsonObject { ["id"] = user, ["name"] = user, ["objectId"] = objectId, ["userRole"] = "user" },
            ["amer", "v3", "teams", var team] when _teamGroups.TryGetValue(team, out var group) =>
                new JsonObject { ["id"] = team, ["name"] = "Security", ["aadGroupId"] = group },
            _ => null,
        };
        if (answer is null)
        {
            await WriteFailureAsync(http, 404, null);
            return;
        }

        http.Response.ContentType = "application/json";
        await http.Response.WriteAsync(answer.ToJsonString());
    }

    private async Task CreateAsync(HttpContext http, ConnectorCall call)
    {
        if (Respond?.Invoke(call) is { } answer)
        {
            await WriteFailureAsync(http, answer.Status, answer.RetryAfter);
            return;
        }

        // A new thread in a channel (isGroup, channelData.channel.id): Teams answers with the thread's conversation id.
        if (JsonNode.Parse(call.Body)?["channelData"]?["channel"]?["id"]?.ToString() is { Length: > 0 } channel)
        {
            var activityId = "thread-" + Interlocked.Increment(ref _counter).ToString(CultureInfo.InvariantCulture);
            var thread = $"{channel};messageid={activityId}";
            var posted = new ConnectorDelivery(thread, "", Text(JsonNode.Parse(call.Body)?["activity"]?.ToJsonString() ?? "{}"), DateTimeOffset.UtcNow, http.Request.Headers.Authorization.ToString());
            _delivered.Enqueue(posted);
            MessageDelivered?.Invoke(posted);
            http.Response.ContentType = "application/json";
            await http.Response.WriteAsync(new JsonObject { ["id"] = thread, ["activityId"] = activityId }.ToJsonString());
            return;
        }

        var id = "a:conversation-" + Interlocked.Increment(ref _counter).ToString(CultureInfo.InvariantCulture);
        _members[id] = call.User;
        http.Response.ContentType = "application/json";
        await http.Response.WriteAsync($"{{\"id\":\"{id}\"}}");
    }

    private async Task SendAsync(HttpContext http, ConnectorCall call, DateTimeOffset receivedAt)
    {
        if (_inFlight.AddOrUpdate(call.Conversation, 1, (_, n) => n + 1) > 1)
        {
            Interlocked.Increment(ref _overlaps);
            _overlapped.Enqueue(call.Conversation);
        }

        try
        {
            if (ResponseDelay > TimeSpan.Zero)
                await Task.Delay(ResponseDelay);
            var answer = Respond?.Invoke(call);
            if (answer is null || answer.Landed)
            {
                var delivery = new ConnectorDelivery(call.Conversation, call.User, Text(call.Body), receivedAt, http.Request.Headers.Authorization.ToString());
                _delivered.Enqueue(delivery);
                MessageDelivered?.Invoke(delivery);
            }

            if (answer is not null)
            {
                await WriteFailureAsync(http, answer.Status, answer.RetryAfter);
                return;
            }

            var id = Interlocked.Increment(ref _counter).ToString(CultureInfo.InvariantCulture);
            http.Response.ContentType = "application/json";
            await http.Response.WriteAsync($"{{\"id\":\"activity-{id}\"}}");
        }
        finally
        {
            _inFlight.AddOrUpdate(call.Conversation, 0, (_, n) => n - 1);
        }
    }

    private static async Task WriteFailureAsync(HttpContext http, int status, string? retryAfter)
    {
        http.Response.StatusCode = status;
        if (retryAfter is not null)
            http.Response.Headers.RetryAfter = retryAfter;
        await http.Response.WriteAsync("{\"error\":{\"code\":\"Scripted\",\"message\":\"scripted failure\"}}");
    }

    private static string Member(string body) =>
        (JsonNode.Parse(body)?["members"] as JsonArray)?.FirstOrDefault()?["id"]?.ToString() ?? "";

    // The notice's text: the card's fallback text or the message text, whichever the activity carries.
    private static string Text(string body)
    {
        var activity = JsonNode.Parse(body);
        return activity?["text"]?.ToString() ?? activity?["summary"]?.ToString() ?? body;
    }

    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
            await _server.DisposeAsync();
        _received.Dispose();
    }
}

/// <summary>A send or create as the fake connector sees it; <see cref="Attempt"/> counts requests to the same target.</summary>
public sealed record ConnectorCall(string Kind, string Conversation, string User, int Attempt, string Body);

/// <summary>A scripted answer; <see cref="Landed"/> means the message was delivered before the failure was answered.</summary>
public sealed record ConnectorAnswer(int Status, string? RetryAfter = null, bool Landed = false);

/// <summary>One message the connector accepted.</summary>
/// <param name="Authorization">The request's bearer token: which process (which token acquisition) sent it.</param>
public sealed record ConnectorDelivery(string Conversation, string User, string Text, DateTimeOffset ReceivedAt, string? Authorization = null);
