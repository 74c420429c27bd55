using System.Globalization;
using System.Text;
using ChatOps.Bot.Tests.Scenario;
using ChatOps.Core.Conversations;
using ChatOps.Core.Gates;
using ChatOps.Core.Identity;
using ChatOps.Core.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace ChatOps.Bot.Tests.Slack;

/// <summary>
/// The emergency-patch scenario through Slack's wire protocol: signed slash commands and block_actions in,
/// answers at the fake Slack (chat.postMessage, chat.update, response_url, file uploads), storage on Azurite.
/// </summary>
[Trait("Category", "Azurite")]
public sealed class SlackEmergencyPatchTests : IAsyncLifetime
{
    private const string Patch = "KB5001779";
    private static readonly SlackPerson Alice = new("U0ALICE", "alice");
    private static readonly SlackPerson Bob = new("U0BOB", "bob");
    private static readonly SlackPerson Carol = new("U0CAROL", "carol");
    private SlackChannelDriver _slack = null!;

    public async Task InitializeAsync() => _slack = await SlackChannelDriver.StartAsync();

    public async Task DisposeAsync() => await _slack.DisposeAsync();

    [Fact]
    public async Task EmergencyPatch_DeclareToClose_EachStepShownAndRecordedByItsActor()
    {
        var (incident, card) = await RequestDeploymentAsync();

        // Bob requested A1: his own Approve click is answered privately and the card is not touched.
        await _slack.ClickAsync(Bob, card, "approval.approve");
        var own = await _slack.NextAsync(c => c.Method.StartsWith("response_url:click-", StringComparison.Ordinal), "the answer to Bob's click");
        Assert.Contains("You requested A1; someone else must approve or reject it.", own.Text, StringComparison.Ordinal);
        Assert.Equal("ephemeral", own.Body["response_type"]?.ToString());

        await _slack.ClickAsync(Carol, card, "approval.approve");
        var approved = await _slack.NextAsync(c => c.Method == "chat.update", "the approval card updated after Carol's click");
        Assert.Equal((SlackChannelDriver.ChannelId, card.Ts), (approved.Body["channel"]!.ToString(), approved.Body["ts"]!.ToString()));
        Assert.Contains("Approved", approved.Text, StringComparison.Ordinal);
        Assert.Contains("carol", approved.Text, StringComparison.Ordinal);
        Assert.False(approved.HasButton("approval.approve"));
        Assert.DoesNotContain(_slack.Seen, c => c.Method == "chat.update" && c.Body["ts"]?.ToString() == card.Ts && c.Text.Contains("You requested", StringComparison.Ordinal));

        var gate = await GateAsync(incident);
        Assert.Equal(("approved", "A1"), (gate.State, gate.ApprovalId));
        Assert.Equal(["carol"], gate.Approvers);

        await _slack.CommandAsync(Bob, $"deploy start {Patch}", $"deployment of {Patch} started; deploying on mail01, mail02");
        await _slack.CommandAsync(Bob, $"deploy verify {Patch} mail01 ok", "patch status: 1 patch(es) on 2 system(s)");
        await _slack.CommandAsync(Bob, $"deploy verify {Patch} mail02 ok", "patch status: 1 patch(es) on 2 system(s)");
        await _slack.CommandAsync(Alice, "notify management \"Patching finished; mail is back\"", "Nobody is in management");
        var refused = await _slack.CommandAsync(Alice, "close", "cannot close");
        Assert.Contains("not reversed: C1 (Block OWA at the edge), C2 (Disable EWS externally)", refused.Text, StringComparison.Ordinal);
        await _slack.CommandAsync(Alice, "contain undo C1", "containment: 2 action(s)");
        await _slack.CommandAsync(Alice, "contain undo C2", "containment: 2 action(s)");
        var stillOpen = await _slack.CommandAsync(Alice, "close", "cannot close");
        Assert.DoesNotContain("not reversed", stillOpen.Text, StringComparison.Ordinal);
        Assert.Contains("phases with open items", stillOpen.Text, StringComparison.Ordinal);
        await _slack.CommandAsync(Alice, "close --force \"Checklist items are tracked in the review\"", $"{incident} is closed");

        await _slack.CommandAsync(Alice, "verify", $"{incident}: intact");
        await DecisionLogAssert.ContainsInOrderAsync(_slack.Factory.Services, SlackChannelDriver.TeamId, incident, DecisionLogAssert.EmergencyPatch(Alice.Id, Bob.Id, Carol.Id));
    }

    [Fact]
    public async Task TypedTestFail_VoidsApproval_CardUpdatedWithTheReason()
    {
        var (_, card) = await RequestDeploymentAsync();

        await _slack.CommandAsync(Alice, $"test {Patch} fail --env staging", $"Test of {Patch}: fail");

        var update = await _slack.FindAsync(c => c.Method == "chat.update", "the voided card");
        Assert.Equal((SlackChannelDriver.ChannelId, card.Ts), (update.Body["channel"]!.ToString(), update.Body["ts"]!.ToString()));
        Assert.Contains("Voided", update.Text, StringComparison.Ordinal);
        Assert.Contains($"voided because the test evidence of {Patch} changed", update.Text, StringComparison.Ordinal);
        Assert.False(update.HasButton("approval.approve"));
    }

    [Fact]
    public async Task ExportMarkdown_WithFilesScope_LinkAndReportUploadedToTheChannel()
    {
        var incident = await DeclareAsync();

        var link = await _slack.CommandAsync(Alice, "export md", $"Report of {incident} (Markdown)");
        var ticket = await _slack.NextAsync(c => c.Method == "files.getUploadURLExternal", "the upload ticket");
        var complete = await _slack.NextAsync(c => c.Method == "files.completeUploadExternal", "the upload completion");

        Assert.StartsWith("response_url:", link.Method, StringComparison.Ordinal);
        Assert.Equal($"{incident}-report.md", ticket.Body["filename"]!.ToString());
        var file = complete.Body["files"]![0]!;
        var bytes = _slack.Slack.Uploads[file["id"]!.ToString()];
        var uploaded = Encoding.UTF8.GetString(bytes);
        Assert.Equal(bytes.Length.ToString(CultureInfo.InvariantCulture), ticket.Body["length"]!.ToString());
        Assert.Contains(incident, uploaded, StringComparison.Ordinal);
        Assert.Contains("Exchange ProxyShell exploitation", uploaded, StringComparison.Ordinal);
        // The report goes to the requester's direct messages, never into the channel (issue 19).
        Assert.Equal("D-" + Alice.Id, complete.Body["channel_id"]!.ToString());
        Assert.Equal($"Report of {incident}", file["title"]!.ToString());
    }

    [Theory]
    [InlineData("missing_scope")]
    [InlineData("not_allowed_token_type")]
    public async Task ExportJson_WithoutFilesScope_LinkStillSentAndUserToldFileNotAttached(string error)
    {
        var incident = await DeclareAsync();
        _slack.Slack.Fail("files.getUploadURLExternal", error);

        var link = await _slack.CommandAsync(Alice, "export json", $"Report of {incident} (JSON)");
        var told = await _slack.NextAsync(c => c.Text.Contains("could not be attached", StringComparison.Ordinal), "the note that the file is missing");

        Assert.Contains("/report.json?", link.Text, StringComparison.Ordinal);
        Assert.Contains("files:write", told.Text, StringComparison.Ordinal);
        Assert.Contains("The link above still works", told.Text, StringComparison.Ordinal);
        Assert.NotEqual("chat.postMessage", told.Method);
        Assert.DoesNotContain(_slack.Seen, c => c.Method == "files.completeUploadExternal");
    }

    private async Task<string> DeclareAsync()
    {
        await _slack.CommandAsync(Alice, "declare \"Exchange ProxyShell exploitation\" --sev sev1 --systems mail01,mail02 --cve CVE-2021-34473", "INC-");
        var incident = await _slack.Factory.Services.GetRequiredService<IIncidentDirectory>()
            .FindAsync(new ConversationKey(ChannelKind.Slack, SlackChannelDriver.TeamId, SlackChannelDriver.ChannelId));
        Assert.NotNull(incident);
        return incident;
    }

    /// <summary>Declare → assess → contain (two actions) → patch → test → roles → deploy request; returns the incident and the posted approval card.</summary>
    private async Task<(string Incident, SlackCall Card)> RequestDeploymentAsync()
    {
        var incident = await DeclareAsync();
        await _slack.CommandAsync(Alice, "vuln add CVE-2021-34473 --cvss CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H --exploited yes", "9.8");
        await _slack.CommandAsync(Alice, "contain add \"Block OWA at the edge\" --undo \"Remove WAF rule 17\"", "containment: 1 action(s), 1 open");
        await _slack.CommandAsync(Alice, "contain add \"Disable EWS externally\" --undo \"Re-enable EWS\"", "containment: 2 action(s), 2 open");
        await _slack.CommandAsync(Alice, "contain done C1", "containment: 2 action(s), 1 open");
        await _slack.CommandAsync(Alice, "contain done C2", "containment: 2 action(s), 0 open");
        await _slack.CommandAsync(Alice, $"patch add {Patch} \"Exchange security update\" --systems mail01,mail02 --rollback \"Uninstall {Patch}\"", "patch status: 1 patch(es) on 2 system(s)");
        await _slack.CommandAsync(Alice, $"test {Patch} pass --env staging --evidence https://ci.example.org/runs/42", $"Test of {Patch}: pass");
        await _slack.CommandAsync(Alice, $"role approver <@{Bob.Id}|{Bob.Name}>", "bob is now approver");
        await _slack.CommandAsync(Alice, $"role approver <@{Carol.Id}|{Carol.Name}>", "carol is now approver");

        var start = DateTimeOffset.UtcNow.AddMinutes(-5).ToString("yyyy-MM-dd'T'HH:mm'Z'", CultureInfo.InvariantCulture);
        var card = await _slack.CommandAsync(Bob, $"deploy request {Patch} --window {start}/PT2H", "Waiting for approval: 0 of 1");
        Assert.Equal("chat.postMessage", card.Method);
        Assert.NotNull(card.Ts);
        Assert.Contains("https://ci.example.org/runs/42", card.Text, StringComparison.Ordinal);
        Assert.True(card.HasButton("approval.approve"));
        return (incident, card);
    }

    private Task<GateStatus> GateAsync(string incident) => GateApi.GetAsync(_slack.Client, SlackChannelDriver.GateToken, SlackChannelDriver.TeamId, incident, Patch);
}
