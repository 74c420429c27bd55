using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using ChatOps.Core.Conversations;
using ChatOps.Core.Identity;
using ChatOps.Core.Idempotency;
using ChatOps.Core.Views;
using ChatOps.Teams;
using ChatOps.Teams.Tests.Fakes;
using ChatOps.Testing;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace ChatOps.Bot.Tests.Dialogs;

/// <summary>
/// Phase dialogs through the real Teams endpoint (signed activities in, Connector replies and invoke responses out) on
/// the Azurite tables, including a restart of the host in the middle of a dialog.
/// </summary>
[Trait("Category", "Azurite")]
public sealed class TeamsDialogTests : IAsyncLifetime
{
    private const string AppId = "0b6fe6d1-fece-44f7-9a48-56465e2d5ab8";
    private const string Tenant = "50612dbb-0237-4969-b378-8d42590f9c00";
    private const string Critical = "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H";
    private static readonly (string Id, string Name) Alice = ("29:alice-e2e", "Alice");
    private static readonly (string Id, string Name) Bob = ("29:bob-e2e", "Bob");
    private static readonly JsonSerializerOptions Readable = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private readonly TestSigningKey _key = new("dialog-key", "msteams");
    private readonly string _tablePrefix = "d" + Guid.NewGuid().ToString("N")[..20];
    private readonly string _channel = $"19:{Guid.NewGuid():N}@thread.tacv2";
    private FakeBotFrameworkIssuer _issuer = null!;
    private FakeConnector _connector = null!;
    private FakeTokenEndpoint _tokens = null!;
    private WebApplicationFactory<Program> _factory = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        _issuer = await FakeBotFrameworkIssuer.StartAsync(_key);
        _connector = await FakeConnector.StartAsync();
        _tokens = await FakeTokenEndpoint.StartAsync();
        StartHost();
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _factory.DisposeAsync();
        await _tokens.DisposeAsync();
        await _connector.DisposeAsync();
        await _issuer.DisposeAsync();
        _key.Dispose();
    }

    private void StartHost()
    {
        _factory = new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
        {
            web.UseSetting("Storage:TablePrefix", _tablePrefix);
            web.UseSetting("MicrosoftAppId", AppId);
            web.UseSetting("MicrosoftAppPassword", "e2e-secret");
            web.UseSetting("ToBotFromChannelOpenIdMetadataUrl", _issuer.MetadataUrl.ToString());
            web.UseSetting("ToChannelFromBotLoginUrl", _tokens.BotFrameworkAuthority.ToString());
            web.UseSetting("Teams:RequireHttpsMetadata", "false");
            web.UseSetting("Teams:ServiceUrlHosts:0", "127.0.0.1");
            web.UseSetting("Teams:RequireHttpsServiceUrl", "false");
            web.ConfigureTestServices(services =>
            {
                services.AddSingleton<IConversationReferenceStore, InMemoryConversationReferenceStore>();
                services.AddSingleton<IIdempotencyStore, InMemoryIdempotencyStore>();
                services.AddHttpClient(TeamsChannelExtensions.MsalHttpClientName)
                    .ConfigurePrimaryHttpMessageHandler(() => TrustingHandler.Create(_tokens.Certificate));
            });
        });
        _client = _factory.CreateClient();
    }

    /// <summary>Stops the bot and starts a new one on the same tables: nothing survives but storage.</summary>
    private async Task RestartHostAsync()
    {
        _client.Dispose();
        await _factory.DisposeAsync();
        StartHost();
    }

    [Fact]
    public async Task AssessDialog_SurvivesARestart_AnotherUserAnswers_ThenCancel()
    {
        await SayAsync("declare \"Citrix exploitation\"", Alice);
        var first = await SayAsync("assess", Alice);
        var second = await SayAsync("netscaler01 high", Alice);

        await RestartHostAsync();
        var third = await SayAsync($"CVE-2023-4966 {Critical} exploited", Bob);
        var cancel = await SayAsync("cancel", Bob);
        var after = await SayAsync("web02 high", Bob);

        Assert.Contains("Assess 1/4", first, StringComparison.Ordinal);
        Assert.Contains(CardVerbs.DialogForm, first, StringComparison.Ordinal);
        Assert.Contains("Assess 2/4", second, StringComparison.Ordinal);
        Assert.Contains("Assess 3/4", third, StringComparison.Ordinal);
        Assert.Contains("Left the assess dialog", cancel, StringComparison.Ordinal);
        Assert.Contains("Unknown command", after, StringComparison.Ordinal);
        var (incident, records) = await LoadAsync();
        Assert.Equal("netscaler01", incident.Systems.Single().Name);
        Assert.Equal(9.8, incident.Vulnerabilities.Single().BaseScore);
        Assert.Equal(Alice.Id, records.Single(r => r.Kind == "system.added").Actor.UserId);
        Assert.Equal(Bob.Id, records.Single(r => r.Kind == "vulnerability.added").Actor.UserId);
        Assert.False(await StoredIncident.HasDialogAsync(_factory.Services, Conversation));
    }

    [Fact]
    public async Task AssessForm_OpenFromTheQuestion_ErrorsComeBackInTheCard_ValidSubmitRecordsAsTheClicker()
    {
        await SayAsync("declare \"Citrix exploitation\"", Alice);
        await SayAsync("assess", Alice);
        var id = await IncidentIdAsync();

        var (openStatus, opened) = await InvokeAsync(CardVerbs.DialogForm, new JsonObject { ["incidentId"] = id, ["dialog"] = "assess" }, Bob);
        var (badStatus, bad) = await InvokeAsync(CardVerbs.DialogSubmit, new JsonObject
        {
            ["incidentId"] = id, ["dialog"] = "assess",
            ["systems"] = "netscaler01 urgent", ["vulnerabilities"] = "", ["impact"] = "VPN down", ["exposure"] = "yes",
        }, Bob);
        var (goodStatus, good) = await InvokeAsync(CardVerbs.DialogSubmit, new JsonObject
        {
            ["incidentId"] = id, ["dialog"] = "assess",
            ["systems"] = "netscaler01 high", ["vulnerabilities"] = $"CVE-2023-4966 {Critical} exploited", ["impact"] = "VPN down",
            ["exposure"] = "yes", ["exposure-details"] = "session tokens",
            ["actor"] = "29:mallory", ["from"] = "29:mallory",
        }, Bob);

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK), (openStatus, badStatus, goodStatus));
        Assert.Equal("application/vnd.microsoft.card.adaptive", opened["type"]!.GetValue<string>());
        var inputs = opened["value"]!["body"]!.AsArray().Where(e => e!["type"]!.GetValue<string>().StartsWith("Input.", StringComparison.Ordinal)).ToList();
        Assert.Equal(["systems", "vulnerabilities", "impact", "exposure", "exposure-details"], inputs.Select(i => i!["id"]!.GetValue<string>()));
        Assert.Equal("application/vnd.microsoft.card.adaptive", bad["type"]!.GetValue<string>());
        Assert.Contains("could not read 'netscaler01 urgent'", bad.ToJsonString(Readable), StringComparison.Ordinal);
        Assert.Contains("netscaler01 urgent", bad["value"]!["body"]!.AsArray().Single(e => e!["id"]?.GetValue<string>() == "systems")!["value"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("priority P1", good.ToJsonString(Readable), StringComparison.Ordinal);
        Assert.Contains("submitted by Bob", good.ToJsonString(Readable), StringComparison.Ordinal);
        var (incident, records) = await LoadAsync();
        Assert.Equal(("P1", "yes — session tokens"), (incident.Priority, incident.DataExposure));
        Assert.Single(records, r => r.Kind == "system.added");
        Assert.All(records.Where(r => r.Kind is "system.added" or "vulnerability.added" or "impact.assessed"), r => Assert.Equal(Bob.Id, r.Actor.UserId));
        // The form finished the dialog the question started.
        Assert.False(await StoredIncident.HasDialogAsync(_factory.Services, Conversation));
    }

    [Fact]
    public async Task ChecklistAndReviewForms_RecordThroughTheInvoke()
    {
        await SayAsync("declare \"x\"", Alice);
        await SayAsync("phase contain --skip \"not under test here\"", Alice);
        var id = await IncidentIdAsync();

        var (_, checklist) = await InvokeAsync(CardVerbs.DialogSubmit, new JsonObject
        {
            ["incidentId"] = id, ["dialog"] = "checklist:contain", ["item.isolate"] = "true", ["item.accounts"] = "false",
        }, Bob);
        await SayAsync("phase review --skip \"kept\"", Alice);
        var (_, review) = await InvokeAsync(CardVerbs.DialogSubmit, new JsonObject
        {
            ["incidentId"] = id, ["dialog"] = "review", ["went-well"] = "Fast containment", ["action-items"] = "owner @29:dan, due 2999-01-01, rotate keys",
        }, Alice);

        Assert.Contains("1 change(s) recorded", checklist.ToJsonString(Readable), StringComparison.Ordinal);
        Assert.Contains("submitted by Alice", review.ToJsonString(Readable), StringComparison.Ordinal);
        var (incident, _) = await LoadAsync();
        Assert.True(incident.Checklists[Core.Incidents.Phase.Contain][0].Done);
        Assert.Equal("Fast containment", incident.ReviewAnswerTo("went-well")?.Answer);
        Assert.Equal("29:dan", incident.ActionItems.Single().Owner.UserId);
    }

    [Fact]
    public async Task WhileAFreeTextQuestionWaits_ACommandLikeAnswerIsTheAnswer_AndBangRunsTheCommand()
    {
        await SayAsync("declare \"x\"", Alice);
        await SayAsync("phase review --skip \"not under test here\"", Alice);
        await SayAsync("review", Alice);

        var answer = await SayAsync("notify users earlier next time", Bob);
        var status = await SayAsync("!status", Bob);

        Assert.Contains("Review 2/6", answer, StringComparison.Ordinal);
        Assert.Contains("!notify users earlier next time", answer, StringComparison.Ordinal);
        Assert.Contains("still waiting", status, StringComparison.Ordinal);
        var (incident, records) = await LoadAsync();
        Assert.Equal("notify users earlier next time", incident.ReviewAnswerTo("went-well")?.Answer);
        Assert.DoesNotContain(records, r => r.Kind == "notice.published" && r.Payload.ToString()!.Contains("earlier", StringComparison.Ordinal));
    }

    private ConversationKey Conversation => new(ChannelKind.Teams, Tenant, _channel);

    private Task<string> IncidentIdAsync() => StoredIncident.IdAsync(_factory.Services, Conversation);

    private Task<(Core.Incidents.Incident Incident, IReadOnlyList<Core.Decisions.DecisionRecord> Records)> LoadAsync() =>
        StoredIncident.LoadAsync(_factory.Services, Conversation);

    /// <summary>Posts a channel message mentioning the bot; returns every Connector body sent while it was handled.</summary>
    private async Task<string> SayAsync(string text, (string Id, string Name) user)
    {
        var activity = Load("teams-message-channel-mention.json");
        activity["id"] = Guid.NewGuid().ToString("N");
        activity["text"] = "<at>ridotest</at> " + text;
        activity["attachments"] = new JsonArray();
        activity["conversation"]!["id"] = _channel + ";messageid=1759881511856";
        activity["channelData"]!["teamsChannelId"] = _channel;
        activity["channelData"]!["channel"]!["id"] = _channel;
        activity["from"] = new JsonObject { ["id"] = user.Id, ["name"] = user.Name };
        var before = _connector.Requests.Count;
        using var response = await PostAsync(activity);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return string.Join("\n", _connector.Requests.Skip(before).Select(r => JsonNode.Parse(r.Body)!.ToJsonString(Readable)));
    }

    /// <summary>An Action.Execute in the channel; returns the invoke response's status and body.</summary>
    private async Task<(HttpStatusCode Status, JsonObject Body)> InvokeAsync(string verb, JsonObject data, (string Id, string Name) user)
    {
        var activity = Load("teams-invoke-adaptiveCard-action.json");
        activity["id"] = "f:" + Guid.NewGuid();
        activity["conversation"] = new JsonObject { ["id"] = _channel + ";messageid=1759881511856", ["conversationType"] = "channel", ["tenantId"] = Tenant, ["isGroup"] = true };
        activity["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = Tenant }, ["channel"] = new JsonObject { ["id"] = _channel } };
        activity["from"] = new JsonObject { ["id"] = user.Id, ["name"] = user.Name };
        activity["recipient"] = new JsonObject { ["id"] = "28:" + AppId, ["name"] = "ridotest" };
        activity["value"] = new JsonObject { ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = verb, ["data"] = data }, ["trigger"] = "manual" };
        using var response = await PostAsync(activity);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
        return (response.StatusCode, body);
    }

    private JsonObject Load(string name)
    {
        var activity = JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Teams", "TestData", name)))!.AsObject();
        activity["serviceUrl"] = _connector.ServiceUrl.ToString();
        return activity;
    }

    private async Task<HttpResponseMessage> PostAsync(JsonObject activity)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages")
        {
            Content = new StringContent(activity.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", TokenMinter.Mint(_key.Credentials, AppId, _connector.ServiceUrl.ToString()));
        return await _client.SendAsync(request);
    }
}
