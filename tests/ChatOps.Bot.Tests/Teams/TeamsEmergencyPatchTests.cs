using System.Globalization;
using System.Text.Json.Nodes;
using ChatOps.Bot.Tests.Scenario;
using ChatOps.Core.Conversations;
using ChatOps.Core.Gates;
using ChatOps.Core.Identity;
using ChatOps.Core.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace ChatOps.Bot.Tests.Teams;

/// <summary>
/// The emergency-patch scenario through the Bot Framework wire protocol: signed activities in, replies at the
/// Connector, approval clicks as Action.Execute invokes answered with the card, storage on Azurite.
/// </summary>
[Trait("Category", "Azurite")]
public sealed class TeamsEmergencyPatchTests : IAsyncLifetime
{
    private const string Patch = "KB5001779";
    private static readonly TeamsUser Alice = new("29:alice", "Alice");
    private static readonly TeamsUser Bob = new("29:bob", "Bob");
    private static readonly TeamsUser Carol = new("29:carol", "Carol");
    private TeamsChannelDriver _teams = null!;

    public async Task InitializeAsync() => _teams = await TeamsChannelDriver.StartAsync();

    public async Task DisposeAsync() => await _teams.DisposeAsync();

    [Fact]
    public async Task EmergencyPatch_DeclareToClose_EachStepShownAndRecordedByItsActor()
    {
        var (incident, card) = await RequestDeploymentAsync();

        // Bob requested A1: his own Approve click is refused and the card stays as it was for everyone.
        var own = await _teams.InvokeAsync(Bob, card.ActivityId, "approval.approve", ApprovalData(incident, "1"));
        Assert.Equal("application/vnd.microsoft.activity.message", own["type"]!.ToString());
        Assert.Contains("You requested A1; someone else must approve or reject it.", own["value"]!.ToString(), StringComparison.Ordinal);
        Assert.Empty(Puts(card.ActivityId));

        // Carol's client refreshes the card (she is an approver): she gets the buttons, then approves.
        var refreshed = await _teams.InvokeAsync(Carol, card.ActivityId, "approval.refresh", ApprovalData(incident, "1"));
        var approve = FindAction(refreshed["value"]!, "approval.approve");
        Assert.NotNull(approve);
        var putsBefore = Puts(card.ActivityId).Count;
        var approved = await _teams.InvokeAsync(Carol, card.ActivityId, "approval.approve", approve["data"]!.AsObject());
        var approvedText = JsonText.Of(approved["value"]);
        Assert.Equal("application/vnd.microsoft.card.adaptive", approved["type"]!.ToString());
        Assert.Contains("Approved", approvedText, StringComparison.Ordinal);
        Assert.Contains("Carol", approvedText, StringComparison.Ordinal);
        Assert.Null(FindAction(approved["value"]!, "approval.approve"));
        var everyone = Assert.Single(Puts(card.ActivityId).Skip(putsBefore));
        Assert.Contains("Approved", JsonText.Of(JsonNode.Parse(everyone.Body)), StringComparison.Ordinal);

        var gate = await GateAsync(incident);
        Assert.Equal(("approved", "A1"), (gate.State, gate.ApprovalId));
        Assert.Equal(["Carol"], gate.Approvers);

        Assert.Contains($"deployment of {Patch} started; deploying on mail01, mail02", await Shown(Bob, $"deploy start {Patch}"), StringComparison.Ordinal);
        await Shown(Bob, $"deploy verify {Patch} mail01 ok");
        var matrix = await Shown(Bob, $"deploy verify {Patch} mail02 ok");
        Assert.Contains("mail02", matrix, StringComparison.Ordinal);
        Assert.Contains("Nobody is in management. Add people with: audience add management @user", await Shown(Alice, "notify management \"Patching finished; mail is back\""), StringComparison.Ordinal);

        var refused = await Shown(Alice, "close");
        Assert.Contains($"{incident} cannot close: containment actions not reversed: C1 (Block OWA at the edge), C2 (Disable EWS externally)", refused, StringComparison.Ordinal);
        await Shown(Alice, "contain undo C1");
        await Shown(Alice, "contain undo C2");
        var stillOpen = await Shown(Alice, "close");
        Assert.DoesNotContain("not reversed", stillOpen, StringComparison.Ordinal);
        Assert.Contains($"{incident} cannot close: phases with open items", stillOpen, StringComparison.Ordinal);
        Assert.Contains($"{incident} is closed", await Shown(Alice, "close --force \"Checklist items are tracked in the review\""), StringComparison.Ordinal);

        Assert.Contains($"{incident}: intact", await Shown(Alice, "verify"), StringComparison.Ordinal);
        await DecisionLogAssert.ContainsInOrderAsync(_teams.Factory.Services, _teams.TenantId, incident, DecisionLogAssert.EmergencyPatch(Alice.Id, Bob.Id, Carol.Id));
    }

    [Fact]
    public async Task TypedTestFail_VoidsApproval_CardReplacedInPlaceWithTheReason()
    {
        var (incident, card) = await RequestDeploymentAsync();
        var putsBefore = Puts(card.ActivityId).Count;

        var said = await Shown(Alice, $"test {Patch} fail --env staging");

        Assert.Contains($"Test of {Patch}: fail", said, StringComparison.Ordinal);
        var put = Assert.Single(Puts(card.ActivityId).Skip(putsBefore));
        Assert.Equal("Bearer", put.Authorization!.Split(' ')[0]);
        var shown = JsonText.Of(JsonNode.Parse(put.Body));
        Assert.Contains("Voided", shown, StringComparison.Ordinal);
        Assert.Contains($"voided because the test evidence of {Patch} changed", shown, StringComparison.Ordinal);
        var late = await _teams.InvokeAsync(Carol, card.ActivityId, "approval.approve", ApprovalData(incident, "1"));
        Assert.Contains("A1 is already voided", late["value"]!.ToString(), StringComparison.Ordinal);
        var gate = await GateAsync(incident);
        Assert.Equal("voided", gate.State);
        Assert.Contains("test evidence", gate.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExportMarkdown_LinkGoesToTheRequestersPersonalChatOnly()
    {
        await Shown(Alice, "declare \"Exchange ProxyShell exploitation\" --systems mail01");
        var before = _teams.Connector.Requests.Count;

        var thread = await _teams.SayAsync(Alice, "export md");

        var sent = _teams.Connector.Requests.Skip(before).ToList();
        var created = Assert.Single(sent, r => r.RawTarget.EndsWith("/v3/conversations", StringComparison.Ordinal));
        Assert.Equal(Alice.Id, JsonNode.Parse(created.Body)!["members"]![0]!["id"]!.GetValue<string>());
        var link = Assert.Single(sent, r => r.Body.Contains("/report.md?", StringComparison.Ordinal));
        Assert.DoesNotContain(Uri.EscapeDataString(_teams.ConversationId), link.RawTarget, StringComparison.Ordinal);
        var notice = Assert.Single(thread);
        Assert.DoesNotContain("/report.md?", notice.Shown, StringComparison.Ordinal);
        Assert.Contains("1:1 chat", notice.Shown, StringComparison.Ordinal);
    }

    /// <summary>Declare → assess → contain (two actions) → patch → test → roles → deploy request; returns the incident and the posted approval card.</summary>
    private async Task<(string Incident, TeamsReply Card)> RequestDeploymentAsync()
    {
        var declared = await Shown(Alice, "declare \"Exchange ProxyShell exploitation\" --sev sev1 --systems mail01,mail02 --cve CVE-2021-34473");
        var incident = await _teams.Factory.Services.GetRequiredService<IIncidentDirectory>()
            .FindAsync(new ConversationKey(ChannelKind.Teams, _teams.TenantId, _teams.ConversationId.Split(';')[0]));
        Assert.NotNull(incident);
        Assert.Contains(incident, declared, StringComparison.Ordinal);

        Assert.Contains("9.8", await Shown(Alice, "vuln add CVE-2021-34473 --cvss CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H --exploited yes"), StringComparison.Ordinal);
        await Shown(Alice, "contain add \"Block OWA at the edge\" --undo \"Remove WAF rule 17\"");
        Assert.Contains("Disable EWS externally", await Shown(Alice, "contain add \"Disable EWS externally\" --undo \"Re-enable EWS\""), StringComparison.Ordinal);
        await Shown(Alice, "contain done C1");
        await Shown(Alice, "contain done C2");
        Assert.Contains(Patch, await Shown(Alice, $"patch add {Patch} \"Exchange security update\" --systems mail01,mail02 --rollback \"Uninstall {Patch}\""), StringComparison.Ordinal);
        await Shown(Alice, $"test {Patch} pass --env staging --evidence https://ci.example.org/runs/42");
        Assert.Contains("Bob is now approver", await Shown(Alice, "role approver @Bob", Bob), StringComparison.Ordinal);
        Assert.Contains("Carol is now approver", await Shown(Alice, "role approver @Carol", Carol), StringComparison.Ordinal);

        var start = DateTimeOffset.UtcNow.AddMinutes(-5).ToString("yyyy-MM-dd'T'HH:mm'Z'", CultureInfo.InvariantCulture);
        var card = Assert.Single(await _teams.SayAsync(Bob, $"deploy request {Patch} --window {start}/PT2H"));
        Assert.NotNull(card.Card);
        Assert.Contains("Waiting for approval: 0 of 1", card.Shown, StringComparison.Ordinal);
        Assert.Contains("https://ci.example.org/runs/42", card.Shown, StringComparison.Ordinal);
        Assert.Null(FindAction(card.Card, "approval.approve"));
        return (incident, card);
    }

    private async Task<string> Shown(TeamsUser user, string text, params TeamsUser[] mentioned)
    {
        var replies = await _teams.SayAsync(user, text, mentioned);
        Assert.NotEmpty(replies);
        return string.Join('\n', replies.Select(r => r.Shown));
    }

    private List<ChatOps.Testing.Channels.Teams.RecordedRequest> Puts(string activityId) =>
        _teams.Connector.Requests.Where(r => r.Method == "PUT" && r.RawTarget.EndsWith("/activities/" + activityId, StringComparison.Ordinal)).ToList();

    private Task<GateStatus> GateAsync(string incident) => GateApi.GetAsync(_teams.Client, TeamsChannelDriver.GateToken, _teams.TenantId, incident, Patch);

    private static JsonObject ApprovalData(string incident, string version) =>
        new() { ["incidentId"] = incident, ["approvalId"] = "A1", ["version"] = version };

    /// <summary>The Action.Execute with <paramref name="verb"/> anywhere in a card (buttons, show-cards, refresh).</summary>
    private static JsonObject? FindAction(JsonNode? node, string verb) => node switch
    {
        JsonObject o when o["verb"]?.ToString() == verb => o,
        JsonObject o => o.Select(p => FindAction(p.Value, verb)).FirstOrDefault(a => a is not null),
        JsonArray a => a.Select(n => FindAction(n, verb)).FirstOrDefault(x => x is not null),
        _ => null,
    };
}
