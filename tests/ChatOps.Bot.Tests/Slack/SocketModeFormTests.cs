using System.Text.Json;
using System.Text.Json.Nodes;
using ChatOps.Bot.Tests.Dialogs;
using ChatOps.Core.Views;

namespace ChatOps.Bot.Tests.Slack;

/// <summary>
/// A dialog form submitted over Slack Socket Mode through the whole bot, where Core's DialogFormCheck is registered:
/// wrong fields are answered in the envelope's ack (<c>response_action: errors</c>), as the HTTP endpoint answers them.
/// </summary>
[Trait("Category", "Azurite")]
public sealed class SocketModeFormTests
{
    [Fact]
    public async Task ViewSubmission_WrongFields_AckedWithResponseActionErrorsAndNothingRecorded()
    {
        await using var bot = await SocketModeBot.StartAsync();
        var (first, second) = await bot.ConnectedAsync();
        await bot.CommandAsync(first, "declare \"Citrix exploitation\"", expect: "Citrix exploitation");
        var incidentId = await StoredIncident.IdAsync(bot.Services, SocketModeBot.Conversation);

        await bot.Socket.DeliverAsync(SocketModeEnvelopes.Interactive("env-form", AssessSubmission(incidentId, systems: "netscaler01 urgent")), second);
        var ack = await NextAckAsync(bot, "env-form");

        Assert.Equal(second.Id, ack.Connection);
        Assert.NotNull(ack.Payload);
        Assert.Equal("errors", ack.Payload["response_action"]!.GetValue<string>());
        var errors = ack.Payload["errors"]!.AsObject();
        Assert.Equal(["exposure", "systems"], errors.Select(e => e.Key).Order(StringComparer.Ordinal));
        Assert.Contains("netscaler01 urgent", errors["systems"]!.GetValue<string>(), StringComparison.Ordinal);

        // A later command runs after the submission would have: still nothing from the form is recorded.
        await bot.CommandAsync(first, "status", expect: "Citrix exploitation");
        var (incident, records) = await StoredIncident.LoadAsync(bot.Services, SocketModeBot.Conversation);
        Assert.Empty(incident.Systems);
        Assert.Null(incident.Impact);
        Assert.DoesNotContain(records, r => r.Kind is "system.added" or "vulnerability.added" or "impact.assessed");
        Assert.DoesNotContain(bot.Api.Calls, c => c.Method is "chat.update" or "views.update");
    }

    /// <summary>The Assess form as Slack submits it: private_metadata as the bot wrote it, no data-exposure choice.</summary>
    private static JsonObject AssessSubmission(string incidentId, string systems)
    {
        var metadata = JsonSerializer.Serialize(new Dictionary<string, string>
        {
            [CardDataKeys.IncidentId] = incidentId, [CardDataKeys.Dialog] = "assess", ["channel_id"] = SocketModeBot.Conversation.ConversationId,
        });
        return new JsonObject
        {
            ["type"] = "view_submission",
            ["team"] = new JsonObject { ["id"] = SocketModeBot.Conversation.TenantId },
            ["user"] = new JsonObject { ["id"] = "U2", ["name"] = "bob", ["team_id"] = SocketModeBot.Conversation.TenantId },
            ["view"] = new JsonObject
            {
                ["id"] = "V-socket", ["type"] = "modal", ["callback_id"] = CardVerbs.DialogSubmit, ["private_metadata"] = metadata,
                ["state"] = new JsonObject
                {
                    ["values"] = new JsonObject
                    {
                        ["systems"] = new JsonObject { ["systems"] = new JsonObject { ["type"] = "plain_text_input", ["value"] = systems } },
                        ["impact"] = new JsonObject { ["impact"] = new JsonObject { ["type"] = "plain_text_input", ["value"] = "VPN down" } },
                        ["exposure"] = new JsonObject { ["exposure"] = new JsonObject { ["type"] = "static_select", ["selected_option"] = null } },
                    },
                },
            },
        };
    }

    private static async Task<SocketModeAck> NextAckAsync(SocketModeBot bot, string envelopeId)
    {
        while (true)
        {
            var ack = await bot.Socket.NextAckAsync();
            if (ack.EnvelopeId == envelopeId)
            {
                return ack;
            }
        }
    }
}
