using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace ChatOps.Testing.Channels.Teams;

/// <summary>
/// Local Microsoft Graph (v1.0) for incident channels: <c>POST /teams/{id}/channels</c>, <c>GET</c> and <c>PATCH
/// …/channels/{id}</c>. It checks what the documentation requires and answers as Graph does: 401 without a token its
/// <see cref="AcceptToken"/> accepts, 400 for a body outside the documented shape (displayName of 1–50 characters
/// without forbidden ones, membershipType, a private channel with an owner, aadUserConversationMember with
/// <c>user@odata.bind</c>), 404 for an unknown team, 409 for a name already taken in the team; scripted answers
/// (429 with Retry-After, 403) come first. Records every request.
/// </summary>
public sealed class FakeGraph : IAsyncDisposable
{
    private const string Forbidden = "#%&*{}/\\:<>?+|'\"~";
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();
    private readonly ConcurrentQueue<(int Status, string? RetryAfter, string Code)> _script = new();
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<string, JsonObject>> _teams = new(StringComparer.Ordinal);
    private LocalServer? _server;
    private int _counter;

    /// <summary>Graph's base URL on this server (<c>…/v1.0/</c>), for <c>Teams:GraphBaseUrl</c>.</summary>
    public Uri BaseUrl => new(_server!.BaseAddress, "v1.0/");

    public IReadOnlyList<RecordedRequest> Requests => [.. _requests];

    /// <summary>Which bearer tokens are valid; by default any non-empty one.</summary>
    public Func<string, bool> AcceptToken { get; set; } = token => token.Length > 0;

    public static async Task<FakeGraph> StartAsync()
    {
        var graph = new FakeGraph();
        graph._server = await LocalServer.StartAsync(app => app.Run(graph.HandleAsync));
        return graph;
    }

    /// <summary>A team (by group id) that exists, with the channel names it already has.</summary>
    public void AddTeam(string groupId, params string[] channelNames)
    {
        var channels = _teams.GetOrAdd(groupId, _ => new ConcurrentDictionary<string, JsonObject>(StringComparer.Ordinal));
        foreach (var name in channelNames)
            channels["19:existing-" + name.GetHashCode(StringComparison.Ordinal).ToString(CultureInfo.InvariantCulture) + "@thread.tacv2"] = new JsonObject { ["displayName"] = name };
    }

    /// <summary>The channels of a team, by id.</summary>
    public IReadOnlyDictionary<string, JsonObject> Channels(string groupId) => _teams.TryGetValue(groupId, out var c) ? c : new Dictionary<string, JsonObject>();

    /// <summary>The next request is answered with <paramref name="status"/> (and Retry-After, if given) and a Graph error body.</summary>
    public void Enqueue(int status, string? retryAfter = null, string code = "Scripted") => _script.Enqueue((status, retryAfter, code));

    private async Task HandleAsync(HttpContext http)
    {
        using var reader = new StreamReader(http.Request.Body);
        var body = await reader.ReadToEndAsync();
        var target = http.Features.Get<IHttpRequestFeature>()!.RawTarget;
        var authorization = http.Request.Headers.Authorization.ToString();
        _requests.Enqueue(new RecordedRequest(http.Request.Method, target, authorization, body, DateTimeOffset.UtcNow));

        if (!authorization.StartsWith("Bearer ", StringComparison.Ordinal) || !AcceptToken(authorization["Bearer ".Length..]))
        {
            await ErrorAsync(http, 401, "InvalidAuthenticationToken", "Access token is empty or not valid.");
            return;
        }

        if (_script.TryDequeue(out var scripted))
        {
            if (scripted.RetryAfter is not null)
                http.Response.Headers.RetryAfter = scripted.RetryAfter;
            await ErrorAsync(http, scripted.Status, scripted.Code, "scripted failure");
            return;
        }

        // /v1.0/teams/{team}/channels[/{channel}]
        var parts = (http.Request.Path.Value ?? "").Split('/', StringSplitOptions.RemoveEmptyEntries).Select(Uri.UnescapeDataString).ToArray();
        if (parts is not ["v1.0", "teams", var team, "channels", ..] || parts.Length > 5)
        {
            await ErrorAsync(http, 400, "BadRequest", $"Unsupported path {target}.");
            return;
        }

        if (!_teams.TryGetValue(team, out var channels))
        {
            await ErrorAsync(http, 404, "NotFound", $"No team {team}.");
            return;
        }

        var answer = (http.Request.Method, parts.Length) switch
        {
            ("POST", 4) => Create(channels, team, body),
            ("GET", 5) => channels.TryGetValue(parts[4], out var found) ? (200, found) : (404, Error("NotFound", "No such channel.")),
            ("PATCH", 5) => Update(channels, parts[4], body),
            _ => (405, Error("MethodNotAllowed", "Not supported here.")),
        };
        http.Response.StatusCode = answer.Item1;
        if (answer.Item2 is { } json)
        {
            http.Response.ContentType = "application/json";
            await http.Response.WriteAsync(json.ToJsonString());
        }
    }

    private (int, JsonObject?) Create(ConcurrentDictionary<string, JsonObject> channels, string team, string body)
    {
        var channel = JsonNode.Parse(body) as JsonObject;
        var name = channel?["displayName"]?.ToString();
        if (NameProblem(name) is { } problem)
            return (400, Error("BadRequest", problem));
        var type = channel!["membershipType"]?.ToString() ?? "standard";
        if (type is not ("standard" or "private"))
            return (400, Error("BadRequest", $"membershipType '{type}' is not valid."));
        if (MembersProblem(type, channel["members"] as JsonArray) is { } membersProblem)
            return (400, Error("BadRequest", membersProblem));
        if (channels.Values.Any(c => string.Equals(c["displayName"]?.ToString(), name, StringComparison.OrdinalIgnoreCase)))
            return (409, Error("NameAlreadyExists", "Channel name already existed, please use other name."));

        var id = $"19:channel{Interlocked.Increment(ref _counter).ToString(CultureInfo.InvariantCulture)}@thread.tacv2";
        var created = new JsonObject
        {
            ["id"] = id,
            ["displayName"] = name,
            ["description"] = channel["description"]?.DeepClone(),
            ["membershipType"] = type,
            ["webUrl"] = $"https://teams.microsoft.com/l/channel/{Uri.EscapeDataString(id)}/{Uri.EscapeDataString(name!)}?groupId={team}",
            ["members"] = channel["members"]?.DeepClone(),
        };
        channels[id] = created;
        return (201, created);
    }

    private static (int, JsonObject?) Update(ConcurrentDictionary<string, JsonObject> channels, string id, string body)
    {
        if (!channels.TryGetValue(id, out var channel))
            return (404, Error("NotFound", "No such channel."));
        var name = (JsonNode.Parse(body) as JsonObject)?["displayName"]?.ToString();
        if (NameProblem(name) is { } problem)
            return (400, Error("BadRequest", problem));
        channel["displayName"] = name;
        return (204, null);
    }

    private static string? NameProblem(string? name) => name switch
    {
        null or "" => "displayName is required.",
        { Length: > 50 } => $"displayName is {name.Length} characters; the maximum is 50.",
        _ when name.IndexOfAny(Forbidden.ToCharArray()) >= 0 => $"displayName '{name}' contains a character Teams forbids.",
        _ when name.StartsWith('_') || name.StartsWith('.') || name.EndsWith('.') => $"displayName '{name}' starts with _ or . or ends with .",
        _ => null,
    };

    private static string? MembersProblem(string type, JsonArray? members)
    {
        if (type == "standard")
            return members is null or { Count: 0 } ? null : "Members can only be given for a private channel.";
        if (members is null || members.Count == 0 || members.Count > 200)
            return "A private channel created with application permissions needs 1 to 200 members, at least one an owner.";
        foreach (var member in members)
        {
            if (member?["@odata.type"]?.ToString() != "#microsoft.graph.aadUserConversationMember"
                || member["user@odata.bind"]?.ToString() is not { } bind || !bind.Contains("/users('", StringComparison.Ordinal) || !bind.EndsWith("')", StringComparison.Ordinal)
                || member["roles"] is not JsonArray roles || roles.Any(r => r?.ToString() != "owner"))
                return $"Member {member?.ToJsonString()} is not an aadUserConversationMember with user@odata.bind and roles [] or [\"owner\"].";
        }

        return members.Any(m => m!["roles"]!.AsArray().Count == 1) ? null : "A private channel needs an owner.";
    }

    private static JsonObject Error(string code, string message) => new() { ["error"] = new JsonObject { ["code"] = code, ["message"] = message } };

    private static async Task ErrorAsync(HttpContext http, int status, string code, string message)
    {
        http.Response.StatusCode = status;
        http.Response.ContentType = "application/json";
        await http.Response.WriteAsync(Error(code, message).ToJsonString());
    }

    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
            await _server.DisposeAsync();
    }
}
