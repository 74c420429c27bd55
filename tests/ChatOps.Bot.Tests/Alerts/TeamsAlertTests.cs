using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using ChatOps.Bot.Tests.Scenario;
using ChatOps.Bot.Tests.Teams;
using ChatOps.Core.Alerts;
using ChatOps.Core.Conversations;
using ChatOps.Core.Identity;
using ChatOps.Core.Storage;
using ChatOps.Testing.Channels.Teams;
using Microsoft.Extensions.DependencyInjection;

namespace ChatOps.Bot.Tests.Alerts;

/// <summary>
/// Alerts end to end on Teams: a patch deployed through signed activities, Alertmanager posting to /api/alerts/prometheus,
/// the alert card at the fake Connector (posted once, then replaced in place), and the card's buttons as Action.Execute invokes.
/// </summary>
[Trait("Category", "Azurite")]
public sealed class TeamsAlertTests : IAsyncLifetime
{
    private const string Patch = "KB5001779";
    private static readonly TeamsUser Alice = new("29:alice", "Alice");
    private static readonly TeamsUser Bob = new("29:bob", "Bob");
    private TeamsChannelDriver _teams = null!;
    private string _incident = "";

    public async Task InitializeAsync() => _teams = await TeamsChannelDriver.StartAsync(d => AlertPayloads.Settings(d.TenantId));

    public async Task DisposeAsync() => await _teams.DisposeAsync();

    [Fact]
    public async Task Alert_FiresRepeatsAndResolves_OneCardUpdatedInPlaceAndVerifyHeldUntilResolved()
    {
        await DeployAsync();
        var before = _teams.Connector.Requests.Count;

        await PostAsync("alertmanager-firing.json");
        var posted = Assert.Single(AlertPosts(before));
        Assert.Contains("Alert on mail01 after " + Patch, JsonText.Of(JsonNode.Parse(posted.Body)), StringComparison.Ordinal);
        var activityId = await CardActivityIdAsync();

        var afterFirst = _teams.Connector.Requests.Count;
        await PostAsync("alertmanager-firing.json");
        Assert.Empty(AlertPosts(afterFirst));
        var repeat = Assert.Single(Puts(activityId));
        Assert.Contains("2 (repeats update this card)", JsonText.Of(JsonNode.Parse(repeat.Body)), StringComparison.Ordinal);

        var refused = await Shown(Alice, $"deploy verify {Patch} mail01 ok");
        Assert.Contains("alert AL1 (HighErrorRate, prometheus)", refused, StringComparison.Ordinal);

        await PostAsync("alertmanager-resolved.json");
        Assert.Contains("Alert resolved on mail01", JsonText.Of(JsonNode.Parse(Puts(activityId)[^1].Body)), StringComparison.Ordinal);
        Assert.DoesNotContain("cannot be verified", await Shown(Alice, $"deploy verify {Patch} mail01 ok"), StringComparison.Ordinal);
        Assert.Contains($"{_incident}: intact", await Shown(Alice, "verify"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task KeepButton_WithReason_RecordsTheKeepAndReplacesTheCard()
    {
        await DeployAsync();
        await PostAsync("alertmanager-firing.json");
        var activityId = await CardActivityIdAsync();

        await _teams.InvokeAsync(Alice, activityId, "alert.keep", Data("CPU spike is the cache warming up"));

        Assert.Contains("deployment kept", JsonText.Of(JsonNode.Parse(Assert.Single(Puts(activityId)).Body)), StringComparison.Ordinal);
        var alert = (await IncidentAsync()).Alerts.Single();
        Assert.Equal(("Alice", "CPU spike is the cache warming up"), (alert.DecidedBy!.DisplayName, alert.Reason));
    }

    [Fact]
    public async Task RollBackButton_RollsThePatchBackAndReplacesTheCard()
    {
        await DeployAsync();
        await PostAsync("alertmanager-firing.json");
        var activityId = await CardActivityIdAsync();

        await _teams.InvokeAsync(Bob, activityId, "alert.rollback", Data());

        Assert.Contains($"{Patch} rolled back", JsonText.Of(JsonNode.Parse(Assert.Single(Puts(activityId)).Body)), StringComparison.Ordinal);
        Assert.Equal(Core.Incidents.SystemPatchState.RolledBack, (await IncidentAsync()).Patches.Single().Systems["mail01"]);
    }

    private async Task DeployAsync()
    {
        // The reference Teams' conversationUpdate stores when the bot is added to the team; proactive posts go through it.
        var channel = new ConversationKey(ChannelKind.Teams, _teams.TenantId, _teams.ConversationId.Split(';')[0]);
        await _teams.Factory.Services.GetRequiredService<IConversationReferenceStore>().UpsertAsync(new ConversationReference(
            ChannelKind.Teams, channel.TenantId, channel.ConversationId, null, _teams.Connector.ServiceUrl.ToString(), "28:" + TeamsChannelDriver.AppId, "ridotest", DateTimeOffset.UtcNow));
        await Shown(Alice, "declare \"Exchange ProxyShell exploitation\" --systems mail01");
        _incident = (await _teams.Factory.Services.GetRequiredService<IIncidentDirectory>().FindAsync(channel))!;
        await Shown(Alice, $"patch add {Patch} \"Exchange security update\" --systems mail01 --rollback \"Uninstall {Patch}\"");
        await Shown(Alice, $"test {Patch} pass --env staging --evidence https://ci.example.org/runs/42");
        await Shown(Alice, "role approver @Bob", Bob);
        var start = DateTimeOffset.UtcNow.AddMinutes(-5).ToString("yyyy-MM-dd'T'HH:mm'Z'", CultureInfo.InvariantCulture);
        await Shown(Alice, $"deploy request {Patch} --window {start}/PT2H");
        await Shown(Bob, "approve A1");
        Assert.Contains("deployment of " + Patch + " started", await Shown(Alice, $"deploy start {Patch}"), StringComparison.Ordinal);
    }

    private async Task PostAsync(string fixture)
    {
        using var response = await AlertPayloads.PostAsync(_teams.Client, "prometheus", AlertPayloads.Read(fixture));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private async Task<string> CardActivityIdAsync()
    {
        var card = await _teams.Factory.Services.GetRequiredService<IPostedCardStore>().FindAsync(ChannelKind.Teams, _teams.TenantId, AlertCards.Key(_incident, "AL1"));
        return Assert.IsType<PostedCard>(card).MessageId;
    }

    private async Task<Core.Incidents.Incident> IncidentAsync() =>
        (await _teams.Factory.Services.GetRequiredService<IIncidentStore>().GetAsync(_teams.TenantId, _incident))!.Incident;

    private JsonObject Data(string? reason = null)
    {
        var data = new JsonObject { ["incidentId"] = _incident, ["alertId"] = "AL1" };
        if (reason is not null)
        {
            data["reason"] = reason;
        }

        return data;
    }

    private async Task<string> Shown(TeamsUser user, string text, params TeamsUser[] mentioned) =>
        string.Join('\n', (await _teams.SayAsync(user, text, mentioned)).Select(r => r.Shown));

    // Alert cards posted as new messages since request number <paramref name="from"/> (the notice dispatcher posts its own lines meanwhile).
    private List<RecordedRequest> AlertPosts(int from) =>
        _teams.Connector.Requests.Skip(from).Where(r => r.Method == "POST" && r.RawTarget.EndsWith("/activities", StringComparison.Ordinal)
            && r.Body.Contains("alert AL1", StringComparison.Ordinal)).ToList();

    private List<RecordedRequest> Puts(string activityId) =>
        _teams.Connector.Requests.Where(r => r.Method == "PUT" && r.RawTarget.EndsWith("/activities/" + activityId, StringComparison.Ordinal)).ToList();
}
