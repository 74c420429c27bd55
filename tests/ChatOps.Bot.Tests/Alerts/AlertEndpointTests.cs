using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using ChatOps.Bot.Alerts;
using ChatOps.Core.Commands;
using ChatOps.Core.Conversations;
using ChatOps.Core.Identity;
using ChatOps.Core.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace ChatOps.Bot.Tests.Alerts;

/// <summary>
/// POST /api/alerts/{source} on the real host and Azurite: unauthenticated (401) and malformed (400) posts record nothing;
/// a documented Azure Monitor or Alertmanager payload for a deployed system is recorded; an unknown system is counted only.
/// </summary>
[Trait("Category", "Azurite")]
public sealed class AlertEndpointTests : IAsyncLifetime
{
    private const string Tenant = "tenant-a";
    private static readonly Actor Alice = new(ChannelKind.Teams, Tenant, "29:alice", "Alice");
    private static readonly Actor Bob = new(ChannelKind.Teams, Tenant, "29:bob", "Bob");
    private static readonly ConversationKey Channel = new(ChannelKind.Teams, Tenant, "19:alerts@thread.tacv2");

    private readonly BotFactory _factory = new(AlertPayloads.Settings(Tenant));
    private string _incident = "";

    public async Task InitializeAsync()
    {
        await Say("declare \"Alert test\" --systems mail01", Alice);
        _incident = (await _factory.Services.GetRequiredService<IIncidentDirectory>().FindAsync(Channel))!;
        await Say("patch add KB9 \"Hotfix\" --systems mail01 --rollback \"revert\"", Alice);
        await Say("test KB9 pass --evidence https://ci.example.com/9", Alice);
        await Say("role approver @29:bob", Alice, new MentionedUser("29:bob", "Bob"));
        var start = DateTimeOffset.UtcNow.AddMinutes(-5).ToString("yyyy-MM-dd'T'HH:mm'Z'", CultureInfo.InvariantCulture);
        await Say($"deploy request KB9 --window {start}/PT2H", Alice);
        await Say("approve A1", Bob);
        await Say("deploy start KB9", Alice);
    }

    public Task DisposeAsync() => _factory.DisposeAsync().AsTask();

    [Theory]
    [InlineData("prometheus", null)]
    [InlineData("prometheus", "wrong-token")]
    [InlineData("prometheus", AlertPayloads.AzureToken)]
    [InlineData("no-such-source", AlertPayloads.PrometheusToken)]
    public async Task Post_WithoutTheSourcesToken_Is401AndRecordsNothing(string source, string? token)
    {
        var before = await Records();

        var response = await AlertPayloads.PostAsync(_factory.CreateClient(), source, AlertPayloads.Read("alertmanager-firing.json"), token);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(before, await Records());
    }

    [Theory]
    [InlineData("prometheus", "{ not json")]
    [InlineData("prometheus", "{\"version\":\"3\",\"alerts\":[]}")]
    [InlineData("prometheus", "{\"version\":\"4\",\"alerts\":[{\"status\":\"firing\",\"labels\":{\"instance\":\"mail01\"}}]}")]
    [InlineData("azure", "{\"version\":\"4\",\"alerts\":[]}")]
    [InlineData("azure", "{\"schemaId\":\"azureMonitorCommonAlertSchema\",\"data\":{\"essentials\":{\"alertId\":\"x\",\"monitorCondition\":\"Maybe\"}}}")]
    public async Task Post_MalformedOrWrongSchema_Is400WithAProblemAndRecordsNothing(string source, string body)
    {
        var before = await Records();
        var token = source == "azure" ? AlertPayloads.AzureToken : AlertPayloads.PrometheusToken;

        var response = await AlertPayloads.PostAsync(_factory.CreateClient(), source, body, token);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(before, await Records());
    }

    [Fact]
    public async Task Post_AzureMonitorFiredWithQueryToken_RecordsTheAlertOnTheDeployedSystem()
    {
        var response = await AlertPayloads.PostAsync(_factory.CreateClient(), "azure", AlertPayloads.Read("azure-monitor-fired.json"), token: null,
            query: "?token=" + Uri.EscapeDataString(AlertPayloads.AzureToken));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, (await response.Content.ReadFromJsonAsync<AlertIntakeAnswer>())!.Recorded);
        var alert = Assert.Single((await _factory.Services.GetRequiredService<IIncidentStore>().GetAsync(Tenant, _incident))!.Incident.Alerts);
        Assert.Equal(("mail01", "mail01-cpu-above-90"), (alert.System, alert.Name));
    }

    [Fact]
    public async Task Post_HugeDescription_RecordedClipped()
    {
        var body = AlertPayloads.Read("azure-monitor-fired.json").Replace("CPU above 90% for 5 minutes", new string('x', 100_000), StringComparison.Ordinal);

        var response = await AlertPayloads.PostAsync(_factory.CreateClient(), "azure", body, token: null,
            query: "?token=" + Uri.EscapeDataString(AlertPayloads.AzureToken));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var alert = Assert.Single((await _factory.Services.GetRequiredService<IIncidentStore>().GetAsync(Tenant, _incident))!.Incident.Alerts);
        Assert.InRange(alert.Summary!.Length, 1, 2_000);
    }

    [Fact]
    public async Task Post_AlertmanagerForAnUnknownInstance_IsCountedAndRecordsNothing()
    {
        var before = await Records();

        var response = await AlertPayloads.PostAsync(_factory.CreateClient(), "prometheus", AlertPayloads.Read("alertmanager-unknown-instance.json"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(new AlertIntakeAnswer(0, 0, 0, 1), await response.Content.ReadFromJsonAsync<AlertIntakeAnswer>());
        Assert.Equal(before, await Records());
    }

    private Task<CommandResult> Say(string text, Actor actor, params MentionedUser[] mentions) =>
        _factory.Services.GetRequiredService<ICommandDispatcher>().DispatchAsync(new Command(actor, Channel, text, null, mentions));

    // Alert records only: the notice dispatcher may record deliveries of the deployment's notices meanwhile.
    private async Task<int> Records() =>
        (await _factory.Services.GetRequiredService<IIncidentStore>().GetDecisionsAsync(Tenant, _incident)).Count(r => r.Kind.StartsWith("alert.", StringComparison.Ordinal));
}
