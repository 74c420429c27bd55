using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using ChatOps.Bot.Tests.Slack;
using ChatOps.Core.Conversations;
using ChatOps.Core.Identity;
using ChatOps.Core.Views;
using ChatOps.Slack.Signing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace ChatOps.Bot.Tests.Dialogs;

/// <summary>
/// Phase dialogs through the real Slack endpoints (signed slash commands and interactions in, fake Web API out) on the
/// Azurite tables: a restart mid-dialog, the Open form button → views.open → view_submission with
/// <c>response_action: errors</c>, and the answer rule.
/// </summary>
[Trait("Category", "Azurite")]
public sealed class SlackDialogTests : IAsyncLifetime
{
    private const string Team = "T1";
    private const string Critical = "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H";
    private static readonly JsonSerializerOptions Readable = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private readonly string _tablePrefix = "s" + Guid.NewGuid().ToString("N")[..20];
    private readonly string _channel = "C" + Guid.NewGuid().ToString("N")[..10].ToUpperInvariant();
    private FakeSlack _slack = null!;
    private WebApplicationFactory<Program> _factory = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        _slack = await FakeSlack.StartAsync();
        StartHost();
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _factory.DisposeAsync();
        await _slack.DisposeAsync();
    }

    private void StartHost()
    {
        _factory = new SlackBotFactory(_slack).WithWebHostBuilder(web => web.UseSetting("Storage:TablePrefix", _tablePrefix));
        _client = _factory.CreateClient();
    }

    [Fact]
    public async Task AssessDialog_SurvivesARestart_AnotherUserAnswers_ThenCancel()
    {
        await CommandAsync("declare \"Citrix exploitation\"", "U1", expect: "Citrix exploitation");
        var first = await CommandAsync("assess", "U1", expect: "Assess 1/4");
        await CommandAsync("netscaler01 high", "U1", expect: "Assess 2/4");

        _client.Dispose();
        await _factory.DisposeAsync();
        StartHost();
        await CommandAsync($"CVE-2023-4966 {Critical} exploited", "U2", expect: "Assess 3/4");
        await CommandAsync("cancel", "U2", expect: "Left the assess dialog");
        var after = await CommandAsync("web02 high", "U2", expect: "Unknown command");

        Assert.Contains(CardVerbs.DialogForm, first, StringComparison.Ordinal);
        Assert.DoesNotContain("Assess", after, StringComparison.Ordinal);
        var (incident, records) = await LoadAsync();
        Assert.Equal("netscaler01", incident.Systems.Single().Name);
        Assert.Equal(9.8, incident.Vulnerabilities.Single().BaseScore);
        Assert.Equal("U1", records.Single(r => r.Kind == "system.added").Actor.UserId);
        Assert.Equal("U2", records.Single(r => r.Kind == "vulnerability.added").Actor.UserId);
        Assert.False(await StoredIncident.HasDialogAsync(_factory.Services, Conversation));
    }

    [Fact]
    public async Task OpenForm_OpensAModal_WrongFieldsAnswerWithResponseActionErrors_ValidSubmissionRecordsAsTheSubmitter()
    {
        await CommandAsync("declare \"Citrix exploitation\"", "U1", expect: "Citrix exploitation");
        var question = JsonNode.Parse(await CommandAsync("assess", "U1", expect: "Assess 1/4"))!;
        var button = question["blocks"]!.AsArray().Single(b => b!["type"]!.GetValue<string>() == "actions")!["elements"]![0]!;

        using var click = await InteractionAsync(new JsonObject
        {
            ["type"] = "block_actions",
            ["team"] = new JsonObject { ["id"] = Team },
            ["user"] = new JsonObject { ["id"] = "U2", ["name"] = "bob", ["team_id"] = Team },
            ["channel"] = new JsonObject { ["id"] = _channel },
            ["container"] = new JsonObject { ["type"] = "message", ["message_ts"] = "1700000000.000100", ["channel_id"] = _channel },
            ["trigger_id"] = "trigger-" + Guid.NewGuid().ToString("N"),
            ["actions"] = new JsonArray(new JsonObject
            {
                ["type"] = "button", ["action_id"] = button["action_id"]!.GetValue<string>(), ["block_id"] = "b", ["value"] = button["value"]!.GetValue<string>(),
            }),
        });
        var (_, _, open) = await NextAsync(c => c.Method == "views.open");
        var modal = open["view"]!.AsObject();
        var metadata = modal["private_metadata"]!.GetValue<string>();

        using var bad = await SubmitAsync(metadata, "V-bad", new() { ["systems"] = "netscaler01 urgent", ["impact"] = "VPN down" }, exposure: null);
        var errors = JsonNode.Parse(await bad.Content.ReadAsStringAsync())!;
        var systemsBefore = (await LoadAsync()).Incident.Systems.Count;
        using var good = await SubmitAsync(metadata, "V-good", new()
        {
            ["systems"] = "netscaler01 high", ["vulnerabilities"] = $"CVE-2023-4966 {Critical} exploited", ["impact"] = "VPN down",
            ["exposure-details"] = "session tokens", ["actor"] = "UEVIL",
        }, exposure: "yes");
        var (_, _, updated) = await NextAsync(c => c.Method == "chat.update");

        Assert.Equal(HttpStatusCode.OK, click.StatusCode);
        Assert.Equal(CardVerbs.DialogSubmit, modal["callback_id"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        Assert.Equal("errors", errors["response_action"]!.GetValue<string>());
        Assert.Equal(["exposure", "systems"], errors["errors"]!.AsObject().Select(e => e.Key).Order(StringComparer.Ordinal));
        Assert.Contains("netscaler01 urgent", errors["errors"]!["systems"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(0, systemsBefore);
        Assert.Equal(HttpStatusCode.OK, good.StatusCode);
        Assert.Equal(string.Empty, await good.Content.ReadAsStringAsync());
        Assert.Equal("1700000000.000100", updated["ts"]!.GetValue<string>());
        Assert.Contains("submitted by bob", updated.ToJsonString(Readable), StringComparison.Ordinal);
        var (incident, records) = await LoadAsync();
        Assert.Equal(("P1", "yes — session tokens"), (incident.Priority, incident.DataExposure));
        Assert.All(records.Where(r => r.Kind is "system.added" or "vulnerability.added" or "impact.assessed"), r => Assert.Equal("U2", r.Actor.UserId));
        Assert.Equal(3, records.Count(r => r.Kind is "system.added" or "vulnerability.added" or "impact.assessed"));
    }

    [Fact]
    public async Task ChecklistModal_TicksThroughCheckboxes()
    {
        await CommandAsync("declare \"x\"", "U1", expect: "declared");
        await CommandAsync("phase contain --skip \"not under test here\"", "U1", expect: "contain 1/4");
        var id = await IncidentIdAsync();
        var metadata = JsonSerializer.Serialize(new Dictionary<string, string> { ["incidentId"] = id, ["dialog"] = "checklist:contain", ["channel_id"] = _channel });

        using var response = await InteractionAsync(new JsonObject
        {
            ["type"] = "view_submission",
            ["team"] = new JsonObject { ["id"] = Team },
            ["user"] = new JsonObject { ["id"] = "U2", ["name"] = "bob", ["team_id"] = Team },
            ["view"] = new JsonObject
            {
                ["id"] = "V-check", ["type"] = "modal", ["callback_id"] = CardVerbs.DialogSubmit, ["private_metadata"] = metadata,
                ["state"] = new JsonObject
                {
                    ["values"] = new JsonObject
                    {
                        ["item.isolate"] = new JsonObject { ["item.isolate"] = new JsonObject { ["type"] = "checkboxes", ["selected_options"] = new JsonArray(new JsonObject { ["value"] = "true", ["text"] = new JsonObject { ["type"] = "plain_text", ["text"] = "Done" } }) } },
                        ["item.accounts"] = new JsonObject { ["item.accounts"] = new JsonObject { ["type"] = "checkboxes", ["selected_options"] = new JsonArray() } },
                    },
                },
            },
        });
        await NextAsync(c => c.Body.ToJsonString(Readable).Contains("1 change(s) recorded", StringComparison.Ordinal));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var (incident, records) = await LoadAsync();
        Assert.Equal([true, false, false, false], incident.Checklists[Core.Incidents.Phase.Contain].Select(i => i.Done));
        Assert.Equal("U2", records.Single(r => r.Kind == "checklist.toggled").Actor.UserId);
    }

    [Fact]
    public async Task WhileAFreeTextQuestionWaits_ACommandLikeAnswerIsTheAnswer_AStructuredOneLetsCommandsRun()
    {
        await CommandAsync("declare \"x\"", "U1", expect: "declared");
        await CommandAsync("phase contain --skip \"not under test here\"", "U1", expect: "contain 1/4");
        await CommandAsync("contain add \"Block 443\" --undo \"Remove rule 17\"", "U1", expect: "still waiting");
        await CommandAsync("yes", "U2", expect: "contain 2/4");
        await CommandAsync("phase review --skip \"kept\"", "U1", expect: "review 1/3");
        await CommandAsync("review", "U1", expect: "Review 1/6");
        await CommandAsync("decision \"made too late\"", "U2", expect: "Review 2/6");

        var (incident, records) = await LoadAsync();
        Assert.Single(incident.Containment);
        Assert.Equal("decision \"made too late\"", incident.ReviewAnswerTo("went-well")?.Answer);
        Assert.DoesNotContain(records, r => r.Kind == "decision.noted");
    }

    private ConversationKey Conversation => new(ChannelKind.Slack, Team, _channel);

    private Task<string> IncidentIdAsync() => StoredIncident.IdAsync(_factory.Services, Conversation);

    private Task<(Core.Incidents.Incident Incident, IReadOnlyList<Core.Decisions.DecisionRecord> Records)> LoadAsync() =>
        StoredIncident.LoadAsync(_factory.Services, Conversation);

    /// <summary>Sends <c>/patch text</c> and returns the first Slack call body (from now on) containing <paramref name="expect"/>.</summary>
    private async Task<string> CommandAsync(string text, string user, string expect)
    {
        var name = Guid.NewGuid().ToString("N");
        var body = $"team_id={Team}&channel_id={_channel}&user_id={user}&user_name={user.ToLowerInvariant()}&command=%2Fpatch&text={Uri.EscapeDataString(text)}"
            + $"&response_url={Uri.EscapeDataString(_slack.ResponseUrl(name))}&trigger_id={Guid.NewGuid():N}";
        using var response = await PostSignedAsync("/api/slack/commands", body, "application/x-www-form-urlencoded");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var (_, _, last) = await NextAsync(c => c.Body.ToJsonString(Readable).Contains(expect, StringComparison.Ordinal));
        return last.ToJsonString(Readable);
    }

    private async Task<(string Method, string? Authorization, JsonObject Body)> NextAsync(Func<(string Method, string? Authorization, JsonObject Body), bool> match)
    {
        while (true)
        {
            var call = await _slack.NextCallAsync();
            if (match(call))
            {
                return call;
            }
        }
    }

    private Task<HttpResponseMessage> SubmitAsync(string metadata, string viewId, Dictionary<string, string> texts, string? exposure)
    {
        var values = new JsonObject();
        foreach (var (field, value) in texts)
        {
            values[field] = new JsonObject { [field] = new JsonObject { ["type"] = "plain_text_input", ["value"] = value } };
        }

        values["exposure"] = new JsonObject
        {
            ["exposure"] = new JsonObject { ["type"] = "static_select", ["selected_option"] = exposure is null ? null : new JsonObject { ["value"] = exposure } },
        };
        return InteractionAsync(new JsonObject
        {
            ["type"] = "view_submission",
            ["team"] = new JsonObject { ["id"] = Team },
            ["user"] = new JsonObject { ["id"] = "U2", ["name"] = "bob", ["team_id"] = Team },
            ["view"] = new JsonObject
            {
                ["id"] = viewId, ["type"] = "modal", ["callback_id"] = CardVerbs.DialogSubmit, ["private_metadata"] = metadata,
                ["state"] = new JsonObject { ["values"] = values },
            },
        });
    }

    private Task<HttpResponseMessage> InteractionAsync(JsonObject payload) =>
        PostSignedAsync("/api/slack/interactions", "payload=" + Uri.EscapeDataString(payload.ToJsonString()), "application/x-www-form-urlencoded");

    private async Task<HttpResponseMessage> PostSignedAsync(string path, string body, string contentType)
    {
        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(body, Encoding.UTF8, contentType) };
        request.Headers.Add(SlackSignatureVerifier.TimestampHeader, timestamp);
        request.Headers.Add(SlackSignatureVerifier.SignatureHeader, SlackSignatureVerifier.Sign(SlackBotFactory.Secret, timestamp, Encoding.UTF8.GetBytes(body)));
        return await _client.SendAsync(request);
    }
}
