using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using ChatOps.Bot.Tests.Slack;
using ChatOps.Slack.Signing;

namespace ChatOps.Bot.Tests.Alerts;

/// <summary>
/// Alerts end to end on Slack: the card posted with chat.postMessage, a repeat as chat.update with the count, and Keep
/// through the keep modal (views.open, then a signed view_submission with the reason), as Reject collects its reason.
/// </summary>
[Trait("Category", "Azurite")]
public sealed class SlackAlertTests : IAsyncLifetime
{
    private const string Patch = "KB5001779";
    private static readonly SlackPerson Alice = new("U0ALICE", "alice");
    private static readonly SlackPerson Bob = new("U0BOB", "bob");
    private SlackChannelDriver _slack = null!;

    public async Task InitializeAsync() =>
        _slack = await SlackChannelDriver.StartAsync(settings: AlertPayloads.Settings(SlackChannelDriver.TeamId).ToDictionary(kv => kv.Key, kv => kv.Value!));

    public async Task DisposeAsync() => await _slack.DisposeAsync();

    [Fact]
    public async Task Alert_RepeatThenKeepThroughTheModal_OneCardUpdatedAndTheKeepRecorded()
    {
        await DeployAsync();

        await PostAsync("alertmanager-firing.json");
        var card = await _slack.NextAsync(c => c.Method == "chat.postMessage" && c.Text.Contains("alert AL1", StringComparison.Ordinal), "the alert card");
        await PostAsync("alertmanager-firing.json");
        var repeat = await _slack.NextAsync(c => c.Method == "chat.update" && c.Text.Contains("2 (repeats update this card)", StringComparison.Ordinal), "the card with the count");
        Assert.Equal(card.Ts, repeat.Body["ts"]!.ToString());
        Assert.Single(_slack.Seen, c => c.Method == "chat.postMessage" && c.Text.Contains("alert AL1", StringComparison.Ordinal));

        await _slack.ClickAsync(Alice, card, "alert.keep.prompt");
        var modal = await _slack.NextAsync(c => c.Method == "views.open", "the keep modal");
        Assert.Equal("alert.keep", modal.Body["view"]!["callback_id"]!.ToString());
        await SubmitAsync(Alice, modal.Body["view"]!["private_metadata"]!.ToString(), "CPU spike is the cache warming up");

        var kept = await _slack.NextAsync(c => c.Method == "chat.update" && c.Text.Contains("deployment kept", StringComparison.Ordinal), "the card after the keep");
        Assert.Equal(card.Ts, kept.Body["ts"]!.ToString());
        Assert.Contains("CPU spike is the cache warming up", kept.Text, StringComparison.Ordinal);
    }

    private async Task DeployAsync()
    {
        await _slack.CommandAsync(Alice, "declare \"Exchange ProxyShell exploitation\" --systems mail01", "declared");
        await _slack.CommandAsync(Alice, $"patch add {Patch} \"Exchange security update\" --systems mail01 --rollback \"Uninstall\"", Patch);
        await _slack.CommandAsync(Alice, $"test {Patch} pass --env staging --evidence https://ci.example.org/runs/42", Patch);
        await _slack.CommandAsync(Alice, $"role approver <@{Bob.Id}|{Bob.Name}>", "approver");
        var start = DateTimeOffset.UtcNow.AddMinutes(-5).ToString("yyyy-MM-dd'T'HH:mm'Z'", CultureInfo.InvariantCulture);
        await _slack.CommandAsync(Alice, $"deploy request {Patch} --window {start}/PT2H", "Waiting for approval");
        await _slack.CommandAsync(Bob, "approve A1", "Approved");
        await _slack.CommandAsync(Alice, $"deploy start {Patch}", $"deployment of {Patch} started");
    }

    private async Task PostAsync(string fixture)
    {
        using var response = await AlertPayloads.PostAsync(_slack.Client, "prometheus", AlertPayloads.Read(fixture));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private async Task SubmitAsync(SlackPerson user, string metadata, string reason)
    {
        var payload = new JsonObject
        {
            ["type"] = "view_submission",
            ["team"] = new JsonObject { ["id"] = SlackChannelDriver.TeamId },
            ["user"] = new JsonObject { ["id"] = user.Id, ["name"] = user.Name, ["team_id"] = SlackChannelDriver.TeamId },
            ["view"] = new JsonObject
            {
                ["id"] = "V-keep", ["type"] = "modal", ["callback_id"] = "alert.keep", ["private_metadata"] = metadata,
                ["state"] = new JsonObject { ["values"] = new JsonObject { ["reason"] = new JsonObject { ["reason"] = new JsonObject { ["type"] = "plain_text_input", ["value"] = reason } } } },
            },
        };
        var body = "payload=" + Uri.EscapeDataString(payload.ToJsonString());
        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/slack/interactions") { Content = new StringContent(body, Encoding.UTF8, "application/x-www-form-urlencoded") };
        request.Headers.Add(SlackSignatureVerifier.TimestampHeader, timestamp);
        request.Headers.Add(SlackSignatureVerifier.SignatureHeader, SlackSignatureVerifier.Sign(SlackBotFactory.Secret, timestamp, Encoding.UTF8.GetBytes(body)));
        using var response = await _slack.Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
