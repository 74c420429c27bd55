using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace ChatOps.Bot.Tests.Faults;

/// <summary>
/// Malformed, mistyped, empty, oversized and wrongly typed bodies on every inbound endpoint: authentication first
/// (401 before anything is parsed), then a 4xx that says what was wrong (413 too large, 415 wrong media type, 400
/// otherwise), never a 5xx; the host keeps serving and storage is untouched.
/// </summary>
[Trait("Category", "Azurite")]
public sealed class MalformedRequestTests(MalformedRequestTests.Host fixture) : IClassFixture<MalformedRequestTests.Host>
{
    private const string Form = "application/x-www-form-urlencoded";
    private const string Json = "application/json";
    private static readonly string Huge = new('a', (1024 * 1024) + 10);

    public sealed class Host : IAsyncLifetime
    {
        public const string TeamsConversation = "19:malformed@thread.tacv2";
        public const string SlackChannel = "CMALFORMED";

        public ChannelHost Bot { get; private set; } = null!;

        public string Incident { get; private set; } = "";

        public async Task InitializeAsync()
        {
            Bot = await ChannelHost.StartAsync("bad" + Guid.NewGuid().ToString("N")[..16]);
            var alice = ChannelHost.TeamsActor("29:alice");
            var declared = await Bot.DispatchAsync(ChannelHost.TeamsChannel(TeamsConversation), "declare \"Malformed input\" --systems web01", alice);
            Incident = System.Text.RegularExpressions.Regex.Match(declared.Replies[0].View.FallbackText, "INC-[0-9]{4}-[0-9]+").Value;
            await Bot.DispatchAsync(ChannelHost.TeamsChannel(TeamsConversation), "patch add KB1 \"Hotfix\" --systems web01 --rollback \"revert\"", alice);
            await Bot.SayOnSlackAsync("declare \"Malformed input\" --systems web02", SlackChannel);
        }

        public Task DisposeAsync() => Bot.DisposeAsync().AsTask();
    }

    private sealed record Case(string Name, string Path, string? ContentType, string Body, bool Authenticated, params HttpStatusCode[] Expected);

    [Fact]
    public async Task MalformedRequests_GetTheirStatusWithAMessage_NothingStoredAndTheHostKeepsServing()
    {
        var bot = fixture.Bot;
        // The fixture's commands post cards and record them in the background; wait until that is done, so only what
        // the malformed requests do could change storage.
        var before = await bot.SettledSnapshotAsync();
        var failures = new List<string>();

        foreach (var c in Cases(bot, fixture.Incident))
        {
            using var response = await SendAsync(bot, c);
            var body = await response.Content.ReadAsStringAsync();
            if (!c.Expected.Contains(response.StatusCode))
            {
                failures.Add($"{c.Name}: {(int)response.StatusCode} {body[..Math.Min(body.Length, 200)]} (expected {string.Join(" or ", c.Expected.Select(s => (int)s))})");
            }
            else if (response.StatusCode is not HttpStatusCode.Unauthorized and not HttpStatusCode.OK && string.IsNullOrWhiteSpace(body))
            {
                failures.Add($"{c.Name}: {(int)response.StatusCode} without a message");
            }
        }

        var help = await bot.SayOnTeamsAsync("help", Host.TeamsConversation);
        Assert.Empty(failures);
        Assert.Contains("Declare an incident", help, StringComparison.Ordinal);
        await bot.AssertStorageUnchangedAsync(before);
    }

    private static IEnumerable<Case> Cases(ChannelHost bot, string incident)
    {
        var valid = bot.TeamsMessage("status", Host.TeamsConversation);
        JsonObject With(string field, JsonNode? value)
        {
            var copy = valid.DeepClone().AsObject();
            copy["id"] = Guid.NewGuid().ToString("N");
            copy[field] = value;
            return copy;
        }

        JsonObject Without(string field)
        {
            var copy = With("id", Guid.NewGuid().ToString("N"));
            copy.Remove(field);
            return copy;
        }

        const string Messages = "/api/messages";
        var bad = HttpStatusCode.BadRequest;
        yield return new("teams unsigned truncated", Messages, Json, "{\"type\":\"message\",\"text\":\"hi\"", false, HttpStatusCode.Unauthorized);
        yield return new("teams unsigned huge", Messages, Json, Huge, false, HttpStatusCode.Unauthorized);
        yield return new("teams unsigned text/plain", Messages, "text/plain", valid.ToJsonString(), false, HttpStatusCode.Unauthorized);
        yield return new("teams truncated", Messages, Json, valid.ToJsonString()[..40], true, bad);
        yield return new("teams text is a number", Messages, Json, With("text", 5).ToJsonString(), true, bad);
        yield return new("teams from is a string", Messages, Json, With("from", "x").ToJsonString(), true, bad);
        yield return new("teams conversation is an array", Messages, Json, With("conversation", new JsonArray()).ToJsonString(), true, bad);
        yield return new("teams entities is a string", Messages, Json, With("entities", "x").ToJsonString(), true, bad);
        yield return new("teams serviceUrl is a number", Messages, Json, With("serviceUrl", 5).ToJsonString(), true, bad);
        yield return new("teams array body", Messages, Json, new JsonArray(valid.DeepClone()).ToJsonString(), true, bad);
        yield return new("teams missing type", Messages, Json, Without("type").ToJsonString(), true, bad);
        yield return new("teams missing conversation", Messages, Json, Without("conversation").ToJsonString(), true, bad);
        yield return new("teams missing from", Messages, Json, Without("from").ToJsonString(), true, bad);
        yield return new("teams empty body", Messages, Json, "", true, bad);
        yield return new("teams null body", Messages, Json, "null", true, bad);
        yield return new("teams wrong content type", Messages, "text/plain", valid.ToJsonString(), true, HttpStatusCode.UnsupportedMediaType);
        yield return new("teams no content type", Messages, null, valid.ToJsonString(), true, HttpStatusCode.UnsupportedMediaType);
        yield return new("teams huge", Messages, Json, With("text", Huge).ToJsonString(), true, HttpStatusCode.RequestEntityTooLarge);
        var invoke = bot.TeamsCardClick("approval.approve", new JsonObject { ["incidentId"] = incident }, Host.TeamsConversation, "29:bob");
        invoke["value"] = 5;
        yield return new("teams invoke value is a number", Messages, Json, invoke.ToJsonString(), true, bad);
        invoke["value"] = new JsonObject { ["action"] = "x" };
        yield return new("teams invoke action is a string", Messages, Json, invoke.ToJsonString(), true, bad);
        invoke["value"] = new JsonObject { ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = 5 } };
        yield return new("teams invoke verb is a number", Messages, Json, invoke.ToJsonString(), true, bad);
        invoke["value"] = new JsonObject { ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = "approval.approve", ["data"] = new JsonArray() } };
        yield return new("teams invoke data is an array", Messages, Json, invoke.ToJsonString(), true, bad, HttpStatusCode.OK);

        const string Commands = "/api/slack/commands";
        var command = ChannelHost.SlashCommand("status", Host.SlackChannel, "U1", bot.Slack.ResponseUrl("malformed"));
        yield return new("slack command unsigned", Commands, Form, "garbage&&==%%", false, HttpStatusCode.Unauthorized);
        yield return new("slack command empty", Commands, Form, "", true, bad);
        yield return new("slack command missing team", Commands, Form, command.Replace("team_id=T1&", "", StringComparison.Ordinal), true, bad);
        yield return new("slack command missing channel", Commands, Form, command.Replace("channel_id=" + Host.SlackChannel + "&", "", StringComparison.Ordinal), true, bad);
        yield return new("slack command as JSON", Commands, Json, "{\"team_id\":\"T1\",\"text\":\"status\"}", true, bad, HttpStatusCode.UnsupportedMediaType);
        yield return new("slack command bad escapes", Commands, Form, "team_id=%ZZ&channel_id=%&user_id=%E0%A4%A&text=%00", true, bad);
        yield return new("slack command huge", Commands, Form, "text=" + Huge, true, HttpStatusCode.RequestEntityTooLarge);
        yield return new("slack command unsigned huge", Commands, Form, "text=" + Huge, false, HttpStatusCode.RequestEntityTooLarge, HttpStatusCode.Unauthorized);

        const string Interactions = "/api/slack/interactions";
        string Payload(string json) => "payload=" + Uri.EscapeDataString(json);
        yield return new("slack interaction unsigned", Interactions, Form, Payload("{\"type\":\"block_actions\""), false, HttpStatusCode.Unauthorized);
        yield return new("slack interaction truncated", Interactions, Form, Payload("{\"type\":\"block_actions\""), true, bad);
        yield return new("slack interaction number", Interactions, Form, Payload("5"), true, bad);
        yield return new("slack interaction array", Interactions, Form, Payload("[]"), true, bad);
        yield return new("slack interaction no payload", Interactions, Form, "type=block_actions", true, bad);
        yield return new("slack interaction empty", Interactions, Form, "", true, bad);
        yield return new("slack interaction type is a number", Interactions, Form, Payload("{\"type\":5}"), true, bad);
        yield return new("slack interaction user is a string", Interactions, Form, Payload("{\"type\":\"block_actions\",\"user\":\"x\",\"team\":{\"id\":\"T1\"},\"actions\":[]}"), true, bad);
        yield return new("slack interaction actions is an object", Interactions, Form, Payload("{\"type\":\"block_actions\",\"user\":{\"id\":\"U1\"},\"team\":{\"id\":\"T1\"},\"channel\":{\"id\":\"C1\"},\"actions\":{}}"), true, bad);
        yield return new("slack interaction action_id is a number", Interactions, Form, Payload("{\"type\":\"block_actions\",\"user\":{\"id\":\"U1\"},\"team\":{\"id\":\"T1\"},\"channel\":{\"id\":\"C1\"},\"actions\":[{\"action_id\":5,\"value\":{}}]}"), true, bad);
        yield return new("slack interaction view is a string", Interactions, Form, Payload("{\"type\":\"view_submission\",\"user\":{\"id\":\"U1\"},\"team\":{\"id\":\"T1\"},\"view\":\"x\"}"), true, bad);

        const string Events = "/api/slack/events";
        yield return new("slack event unsigned", Events, Json, "{\"type\":\"url_verification\",\"challenge\":\"x\"}", false, HttpStatusCode.Unauthorized);
        yield return new("slack event truncated", Events, Json, "{\"type\":\"event_callback\",\"event\":{", true, bad);
        yield return new("slack event array", Events, Json, "[]", true, bad);
        yield return new("slack event empty", Events, Json, "", true, bad);
        yield return new("slack event type is a number", Events, Json, "{\"type\":5}", true, bad);
        yield return new("slack event event is a string", Events, Json, "{\"type\":\"event_callback\",\"team_id\":\"T1\",\"event\":\"x\"}", true, bad);
        yield return new("slack event text is a number", Events, Json, "{\"type\":\"event_callback\",\"team_id\":\"T1\",\"event_id\":\"Ev1\",\"event\":{\"type\":\"app_mention\",\"user\":\"U1\",\"channel\":\"C1\",\"text\":5,\"ts\":\"1.1\"}}", true, bad);
        yield return new("slack event challenge is an object", Events, Json, "{\"type\":\"url_verification\",\"challenge\":{}}", true, bad);
        yield return new("slack event as form", Events, Form, "type=url_verification&challenge=x", true, bad, HttpStatusCode.UnsupportedMediaType);

        var gate = $"/api/gates/{incident}/KB1";
        yield return new("gate finished without token, truncated", gate + "/finished", Json, "{\"result\":", false, HttpStatusCode.Unauthorized);
        yield return new("gate finished without token, huge", gate + "/finished", Json, Huge, false, HttpStatusCode.Unauthorized);
        yield return new("gate finished truncated", gate + "/finished", Json, "{\"result\":", true, bad);
        yield return new("gate finished result is a number", gate + "/finished", Json, "{\"result\":5}", true, bad);
        yield return new("gate finished array", gate + "/finished", Json, "[\"succeeded\"]", true, bad);
        yield return new("gate finished empty", gate + "/finished", Json, "", true, bad);
        yield return new("gate finished text/plain", gate + "/finished", "text/plain", "{\"result\":\"succeeded\"}", true, HttpStatusCode.UnsupportedMediaType);
        yield return new("gate finished huge", gate + "/finished", Json, "{\"result\":\"" + Huge + "\"}", true, HttpStatusCode.RequestEntityTooLarge);
        yield return new("gate hostile ids", "/api/gates/INC%01x%2F%5C/KB%23%3F%7F", null, "", true, bad, HttpStatusCode.NotFound);
        yield return new("gate started hostile ids", "/api/gates/%E2%80%AEINC/%F0%9F%98%80%CC%81/started", Json, "", true, bad, HttpStatusCode.NotFound);
        yield return new("gate long id", "/api/gates/" + new string('x', 5000) + "/KB1", null, "", true, bad, HttpStatusCode.NotFound);
        // A tenant other than the token's is refused before anything is looked up, whatever it contains.
        yield return new("gate hostile tenant", "/api/gates/INC-1/KB1?tenant=a%2Fb%00", null, "", true, bad, HttpStatusCode.Forbidden);
        yield return new("gate started hostile tenant", "/api/gates/INC-1/KB1/started?tenant=%23", Json, "", true, bad, HttpStatusCode.Forbidden);
    }

    private static async Task<HttpResponseMessage> SendAsync(ChannelHost bot, Case c)
    {
        var bytes = Encoding.UTF8.GetBytes(c.Body);
        var content = new ByteArrayContent(bytes);
        if (c.ContentType is not null)
        {
            content.Headers.ContentType = MediaTypeHeaderValue.Parse(c.ContentType);
        }

        if (c.Path.StartsWith("/api/messages", StringComparison.Ordinal))
        {
            return await bot.PostTeamsAsync(content, c.Authenticated);
        }

        if (c.Path.StartsWith("/api/slack/", StringComparison.Ordinal))
        {
            return await bot.PostSlackAsync(c.Path, content, bytes, c.Authenticated);
        }

        var method = c.Path.Contains("/finished", StringComparison.Ordinal) || c.Path.Contains("/started", StringComparison.Ordinal) ? HttpMethod.Post : HttpMethod.Get;
        using var request = new HttpRequestMessage(method, c.Path) { Content = method == HttpMethod.Post ? content : null };
        if (c.Authenticated)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", ChannelHost.GateToken);
        }

        return await bot.Client.SendAsync(request);
    }
}
