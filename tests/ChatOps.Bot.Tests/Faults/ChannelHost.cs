using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using ChatOps.Bot.Tests.Slack;
using ChatOps.Core.Commands;
using ChatOps.Core.Conversations;
using ChatOps.Core.Identity;
using Azure.Data.Tables;
using ChatOps.Slack.Signing;
using ChatOps.Storage;
using ChatOps.Teams;
using ChatOps.Teams.Tests.Fakes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ChatOps.Bot.Tests.Faults;

/// <summary>
/// The whole bot with both channels on real storage (every port on Azure Tables, no in-memory stand-ins) and the
/// Teams and Slack fakes around it: signed activities and signed Slack requests in, answers out at the fakes.
/// </summary>
public sealed class ChannelHost : IAsyncDisposable
{
    public const string AppId = "0b6fe6d1-fece-44f7-9a48-56465e2d5ab8";
    public const string TeamsTenant = "50612dbb-0237-4969-b378-8d42590f9c00";
    public const string SlackTeam = "T1";
    public const string GateToken = "gate-token-for-fault-tests-0123456789";

    /// <summary>The one tenant <see cref="GateToken"/> is bound to.</summary>
    public const string GateTenantId = "t1";

    /// <summary>The product's storage timeout and retries, overriding the longer ones ./test.sh sets for the suite.</summary>
    public static readonly IReadOnlyDictionary<string, string?> ProductStorageRetries = new Dictionary<string, string?>
    {
        ["Storage:NetworkTimeout"] = new TableStorageOptions().NetworkTimeout.ToString("c", CultureInfo.InvariantCulture),
        ["Storage:MaxRetries"] = new TableStorageOptions().MaxRetries.ToString(CultureInfo.InvariantCulture),
    };

    private readonly TestSigningKey _key = new("fault-key", "msteams");
    private FakeBotFrameworkIssuer _issuer = null!;
    private FakeTokenEndpoint _tokens = null!;
    private string? _token;

    private ChannelHost()
    {
    }

    public FakeConnector Connector { get; private set; } = null!;

    public FakeSlack Slack { get; private set; } = null!;

    public WebApplicationFactory<Program> Factory { get; private set; } = null!;

    public HttpClient Client { get; private set; } = null!;

    public IServiceProvider Services => Factory.Services;

    /// <param name="tablePrefix">Hosts given the same prefix (and connection) share their storage.</param>
    /// <param name="tables">Connection string; null keeps the one ./test.sh exports.</param>
    public static async Task<ChannelHost> StartAsync(string tablePrefix, string? tables = null, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var host = new ChannelHost();
        host._issuer = await FakeBotFrameworkIssuer.StartAsync(host._key);
        host.Connector = await FakeConnector.StartAsync();
        host._tokens = await FakeTokenEndpoint.StartAsync();
        host.Slack = await FakeSlack.StartAsync();
        var configuration = new Dictionary<string, string?>
        {
            ["MicrosoftAppId"] = AppId,
            ["MicrosoftAppPassword"] = "fault-secret",
            ["ToBotFromChannelOpenIdMetadataUrl"] = host._issuer.MetadataUrl.ToString(),
            ["ToChannelFromBotLoginUrl"] = host._tokens.BotFrameworkAuthority.ToString(),
            ["Teams:RequireHttpsMetadata"] = "false",
            ["Teams:ServiceUrlHosts:0"] = "127.0.0.1",
            ["Teams:RequireHttpsServiceUrl"] = "false",
            ["Slack:SigningSecret"] = SlackBotFactory.Secret,
            ["Slack:BotToken"] = SlackBotFactory.BotToken,
            ["Slack:ApiBaseUrl"] = host.Slack.ApiBaseUrl.ToString(),
            ["Slack:ResponseUrlHosts:0"] = "127.0.0.1",
            ["Storage:TablePrefix"] = tablePrefix,
            ["Reports:SigningKey"] = "fault-tests-report-signing-key-0123456789",
            ["Audit:Key"] = "fault-tests-audit-checkpoint-key-0123456789",
            ["Gates:Token"] = GateToken,
            ["Gates:TenantId"] = GateTenantId,
        };
        if (tables is not null)
        {
            configuration["ConnectionStrings:Tables"] = tables;
        }

        foreach (var (key, value) in ChatOps.Testing.WorkflowHarness.AlwaysOpenMaintenanceWindow)
        {
            configuration[key] = value;
        }

        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            configuration[key] = value;
        }

        host.Factory = new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
        {
            web.UseEnvironment("Testing");
            web.ConfigureAppConfiguration((_, config) => config.AddInMemoryCollection(configuration));
            web.ConfigureTestServices(services => services.AddHttpClient(TeamsChannelExtensions.MsalHttpClientName)
                .ConfigurePrimaryHttpMessageHandler(() => TrustingHandler.Create(host._tokens.Certificate)));
        });
        host.Client = host.Factory.CreateClient();
        return host;
    }

    public static Actor TeamsActor(string userId) => new(ChannelKind.Teams, TeamsTenant, userId, userId[3..]);

    public static ConversationKey TeamsChannel(string conversationId) => new(ChannelKind.Teams, TeamsTenant, conversationId);

    public static ConversationKey SlackChannel(string channelId) => new(ChannelKind.Slack, SlackTeam, channelId);

    /// <summary>A Teams channel message mentioning the bot, as Teams sends it (shape from Teams/TestData).</summary>
    public JsonObject TeamsMessage(string text, string conversationId, string userId = "29:alice", string? activityId = null)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Teams", "TestData", "teams-message-channel-mention.json");
        var activity = JsonNode.Parse(File.ReadAllText(path))!.AsObject();
        activity["text"] = "<at>ridotest</at> " + text;
        activity["id"] = activityId ?? Guid.NewGuid().ToString("N");
        activity["serviceUrl"] = Connector.ServiceUrl.ToString();
        activity["conversation"]!["id"] = conversationId;
        activity["from"] = new JsonObject { ["id"] = userId, ["name"] = userId[3..] };
        activity.Remove("attachments");
        return activity;
    }

    /// <summary>An Action.Execute click (Universal Action Model invoke) on a card in the conversation.</summary>
    public JsonObject TeamsCardClick(string verb, JsonObject data, string conversationId, string userId)
    {
        var activity = TeamsMessage(string.Empty, conversationId, userId);
        activity["type"] = "invoke";
        activity["name"] = "adaptiveCard/action";
        activity.Remove("text");
        activity.Remove("entities");
        activity["value"] = new JsonObject { ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = verb, ["data"] = data } };
        return activity;
    }

    public Task<HttpResponseMessage> PostTeamsAsync(JsonObject activity) =>
        PostTeamsAsync(new StringContent(activity.ToJsonString(), Encoding.UTF8, "application/json"));

    public async Task<HttpResponseMessage> PostTeamsAsync(HttpContent content, bool signed = true)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages") { Content = content };
        if (signed)
        {
            _token ??= TokenMinter.Mint(_key.Credentials, AppId, Connector.ServiceUrl.ToString());
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _token);
        }

        return await Client.SendAsync(request);
    }

    /// <summary>Sends a message and returns every text of the replies the connector received for it (the handler replies before it answers).</summary>
    public async Task<string> SayOnTeamsAsync(string text, string conversationId, string userId = "29:alice")
    {
        var activity = TeamsMessage(text, conversationId, userId);
        var id = activity["id"]!.GetValue<string>();
        using var response = await PostTeamsAsync(activity);
        response.EnsureSuccessStatusCode();
        var replies = Connector.Requests.Where(r => r.RawTarget.EndsWith("/activities/" + id, StringComparison.Ordinal)).Select(r => AllText(r.Body));
        return string.Join("\n", replies);
    }

    /// <summary>Sends a signed slash command and waits for its first answer.</summary>
    /// <param name="isAnswer">When set, only a message whose text it accepts counts as the answer (a stakeholder notice the
    /// dispatcher posts into the same channel meanwhile is not the command's answer).</param>
    public async Task<string> SayOnSlackAsync(string text, string channelId, string userId = "U1", Func<string, bool>? isAnswer = null)
    {
        var name = Guid.NewGuid().ToString("N");
        var mark = Slack.Mark;
        using var response = await PostSlackAsync("/api/slack/commands", SlashCommand(text, channelId, userId, Slack.ResponseUrl(name)), "application/x-www-form-urlencoded");
        response.EnsureSuccessStatusCode();
        // A request that could not be kept is answered in the response itself (nothing was queued to answer later).
        var immediate = JsonNode.Parse(await response.Content.ReadAsStringAsync())?["text"]?.ToString();
        if (immediate is not null && immediate != ChatOps.Slack.Inbound.SlackInboundPipeline.WorkingText)
        {
            return immediate;
        }

        // The first answer: privately at the response_url, or posted in the channel (callers send one command at a time per channel).
        var (_, answer) = await Slack.WaitForCallAsync((method, body) => (method == "response_url:" + name
            || (method.StartsWith("chat.", StringComparison.Ordinal) && body["channel"]?.ToString() == channelId))
            && (isAnswer is null || isAnswer(AllText(body.ToJsonString()))), mark);
        return AllText(answer.ToJsonString());
    }

    public static string SlashCommand(string text, string channelId, string userId, string responseUrl) =>
        $"team_id={SlackTeam}&channel_id={Uri.EscapeDataString(channelId)}&user_id={Uri.EscapeDataString(userId)}&user_name=alice&command=%2Fpatch&text="
        + Uri.EscapeDataString(text) + "&response_url=" + Uri.EscapeDataString(responseUrl) + "&trigger_id=" + Guid.NewGuid().ToString("N");

    public Task<HttpResponseMessage> PostSlackAsync(string path, string body, string contentType, bool signed = true) =>
        PostSlackAsync(path, new StringContent(body, Encoding.UTF8, contentType), Encoding.UTF8.GetBytes(body), signed);

    public async Task<HttpResponseMessage> PostSlackAsync(string path, HttpContent content, byte[] body, bool signed = true)
    {
        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = content };
        request.Headers.Add(SlackSignatureVerifier.TimestampHeader, timestamp);
        request.Headers.Add(SlackSignatureVerifier.SignatureHeader, SlackSignatureVerifier.Sign(signed ? SlackBotFactory.Secret : "not-the-secret", timestamp, body));
        return await Client.SendAsync(request);
    }

    /// <summary>Runs a command straight through Core (for setting the scene, not for what is under test).</summary>
    public Task<CommandResult> DispatchAsync(ConversationKey conversation, string text, Actor actor, params MentionedUser[] mentions) =>
        Services.GetRequiredService<ICommandDispatcher>().DispatchAsync(new Command(actor, conversation, text, null, mentions));

    /// <summary>A snapshot once the background dispatcher has finished (equal snapshots three seconds apart, several polls).</summary>
    public async Task<IReadOnlyList<string>> SettledSnapshotAsync()
    {
        var last = await SnapshotStorageAsync();
        for (var i = 0; i < 10; i++)
        {
            await Task.Delay(3000);
            var next = await SnapshotStorageAsync();
            if (next.SequenceEqual(last, StringComparer.Ordinal))
            {
                return next;
            }

            last = next;
        }

        return last;
    }

    /// <summary>
    /// Every row of this host's tables (key and ETag), except what merely handling a request writes: idempotency claims
    /// and remembered conversation references.
    /// </summary>
    public async Task<IReadOnlyList<string>> SnapshotStorageAsync()
    {
        var tables = Services.GetRequiredService<ChatOpsTables>();
        await tables.EnsureCreatedAsync(CancellationToken.None);
        var rows = new List<string>();
        foreach (var table in (TableClient[])[tables.Incidents, tables.Index, tables.Deliveries])
        {
            await foreach (var entity in table.QueryAsync<TableEntity>(select: ["PartitionKey", "RowKey"]))
            {
                if (!entity.PartitionKey.StartsWith("idem", StringComparison.Ordinal) && !entity.PartitionKey.StartsWith("personal", StringComparison.Ordinal)
                    && !entity.RowKey.StartsWith("ref-", StringComparison.Ordinal))
                {
                    // The notification worker leases and marks outbox and delivery rows on its own schedule: their
                    // keys count (a command would add rows), their versions do not.
                    var worker = entity.RowKey.StartsWith("out-", StringComparison.Ordinal) || table == tables.Deliveries;
                    rows.Add($"{table.Name}|{entity.PartitionKey}|{entity.RowKey}|{(worker ? "" : entity.ETag.ToString())}");
                }
            }
        }

        return rows.Order(StringComparer.Ordinal).ToList();
    }

    public async Task AssertStorageUnchangedAsync(IReadOnlyList<string> before)
    {
        var after = await SnapshotStorageAsync();
        Assert.True(before.SequenceEqual(after), "storage changed:\n- " + string.Join("\n- ", before.Except(after)) + "\n+ " + string.Join("\n+ ", after.Except(before)));
    }

    /// <summary>Every string in a JSON document, joined: what a person could read in a reply.</summary>
    public static string AllText(string json)
    {
        var texts = new List<string>();
        Collect(JsonNode.Parse(json), texts);
        return string.Join("\n", texts);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Factory.DisposeAsync();
        await Slack.DisposeAsync();
        await _tokens.DisposeAsync();
        await Connector.DisposeAsync();
        await _issuer.DisposeAsync();
        _key.Dispose();
    }

    private static void Collect(JsonNode? node, List<string> texts)
    {
        switch (node)
        {
            case JsonObject o:
                foreach (var (_, child) in o)
                {
                    Collect(child, texts);
                }

                break;
            case JsonArray a:
                foreach (var child in a)
                {
                    Collect(child, texts);
                }

                break;
            case JsonValue v when v.TryGetValue<string>(out var s):
                texts.Add(s);
                break;
        }
    }
}
