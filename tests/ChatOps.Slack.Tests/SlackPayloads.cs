using System.Text.Json.Nodes;

namespace ChatOps.Slack.Tests;

/// <summary>Builds request bodies for tests that need variations of the fixtures.</summary>
internal static class SlackPayloads
{
    public static string SlashCommand(string text, string responseUrl = "https://hooks.slack.com/commands/T1/1/x", string triggerId = "trigger-1") =>
        "token=ignored&team_id=T1&team_domain=acme&channel_id=C1&channel_name=incident&user_id=U1&user_name=alice"
        + "&command=%2Fpatch&text=" + Uri.EscapeDataString(text)
        + "&response_url=" + Uri.EscapeDataString(responseUrl) + "&trigger_id=" + triggerId;

    public static string Event(string eventId, string text, string user = "U1", string? botId = null, string? subtype = null, string type = "app_mention", string channelType = "channel")
    {
        var ev = new JsonObject
        {
            ["type"] = type,
            ["user"] = user,
            ["text"] = text,
            ["channel"] = channelType == "im" ? "D1" : "C1",
            ["channel_type"] = channelType,
            ["ts"] = "1700000000.000001",
            ["event_ts"] = "1700000000.000001",
        };
        if (botId is not null)
        {
            ev["bot_id"] = botId;
        }

        if (subtype is not null)
        {
            ev["subtype"] = subtype;
        }

        return new JsonObject
        {
            ["token"] = "ignored",
            ["team_id"] = "T1",
            ["api_app_id"] = "A1",
            ["type"] = "event_callback",
            ["event_id"] = eventId,
            ["event_time"] = 1700000000,
            ["event"] = ev,
            ["authorizations"] = new JsonArray(new JsonObject { ["team_id"] = "T1", ["user_id"] = "UBOT", ["is_bot"] = true }),
        }.ToJsonString();
    }

    /// <summary>The botbuilder block_actions fixture with its action's timestamp and trigger replaced (another click).</summary>
    public static string BlockActionsClick(string actionTs, string triggerId, string? value = null)
    {
        var payload = JsonNode.Parse(TestFiles.Read("slack-block-actions-button-botbuilder.decoded.json"))!.AsObject();
        payload["trigger_id"] = triggerId;
        var action = payload["actions"]![0]!.AsObject();
        action["action_ts"] = actionTs;
        if (value is not null)
        {
            action["value"] = value;
        }

        return Form(payload);
    }

    public static string ViewSubmission(string viewId, string privateMetadata, JsonObject stateValues) => Form(new JsonObject
    {
        ["type"] = "view_submission",
        ["team"] = new JsonObject { ["id"] = "T1", ["domain"] = "acme" },
        ["user"] = new JsonObject { ["id"] = "U1", ["name"] = "alice", ["team_id"] = "T1" },
        ["api_app_id"] = "A1",
        ["trigger_id"] = "trigger-view",
        ["view"] = new JsonObject
        {
            ["id"] = viewId,
            ["type"] = "modal",
            ["callback_id"] = "phase_dialog",
            ["hash"] = "156772938.1827394",
            ["private_metadata"] = privateMetadata,
            ["state"] = new JsonObject { ["values"] = stateValues },
        },
    });

    public static string Form(JsonObject payload) => "payload=" + Uri.EscapeDataString(payload.ToJsonString());
}
