using System.Net;
using ChatOps.Core.Commands;
using ChatOps.Core.Views;

namespace ChatOps.Slack.Tests.Work;

/// <summary>Secrets and capability URLs never reach the logs, at any level, on success or failure.</summary>
public sealed class LogSecrecyTests
{
    [Fact]
    public async Task Logs_CommandWithFailuresAndRefusals_NeverContainSecretsTokensOrResponseUrls()
    {
        await using var host = await SlackTestHost.StartAsync();
        var responseUrl = host.Api.ResponseUrl("T1-capability-secret");
        host.Api.Script("chat.postMessage", new ScriptedResponse(200, """{"ok":false,"error":"not_in_channel"}"""));
        host.Dispatcher.Answer = _ => CommandResult.Of(
            new Reply(new TextView("private"), ReplyMode.Private),
            new Reply(new TextView("public")));

        using var forged = await host.PostSignedAsync("/api/slack/commands", SlackPayloads.SlashCommand("help", responseUrl), "application/x-www-form-urlencoded", secret: "forged");
        using var response = await host.PostFormAsync("/api/slack/commands", SlackPayloads.SlashCommand("help", responseUrl));
        await host.Api.NextCallAsync("response_url:T1-capability-secret");
        await host.Api.NextCallAsync("chat.postMessage");
        using var sentinel = await host.PostFormAsync("/api/slack/commands", SlackPayloads.SlashCommand("done", triggerId: "t9"));
        await host.Dispatcher.NextAsync();
        await host.Dispatcher.NextAsync();

        Assert.Equal(HttpStatusCode.Unauthorized, forged.StatusCode);
        var logs = host.Logs.GetSnapshot();
        Assert.NotEmpty(logs);
        Assert.All(logs, record =>
        {
            var text = record.Message + record.Exception;
            Assert.DoesNotContain(SlackTestHost.Secret, text, StringComparison.Ordinal);
            Assert.DoesNotContain(SlackTestHost.BotToken, text, StringComparison.Ordinal);
            Assert.DoesNotContain("capability-secret", text, StringComparison.Ordinal);
        });
    }
}
