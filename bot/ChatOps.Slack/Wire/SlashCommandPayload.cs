using System.Text.Json;
using Microsoft.AspNetCore.WebUtilities;

namespace ChatOps.Slack.Wire;

/// <summary>
/// A slash command invocation (api.slack.com/interactivity/slash-commands): a form-encoded POST.
/// The deprecated verification <c>token</c> field is ignored; the request signature authenticates it.
/// </summary>
public sealed record SlashCommandPayload(
    string TeamId,
    string ChannelId,
    string UserId,
    string UserName,
    string Command,
    string Text,
    string? ResponseUrl,
    string? TriggerId,
    string? ChannelName)
{
    /// <summary>Parses the raw form body; throws <see cref="SlackPayloadException"/> when a required field is missing.</summary>
    public static SlashCommandPayload Parse(string formBody)
    {
        var form = new FormReader(formBody).ReadForm();
        return From(name => form.TryGetValue(name, out var value) ? value.ToString() : null);
    }

    /// <summary>
    /// The <c>payload</c> of a Socket Mode <c>slash_commands</c> envelope: the same fields as the form, as a JSON object
    /// (api.slack.com/apis/connections/socket-implement).
    /// </summary>
    public static SlashCommandPayload FromJson(JsonElement payload)
    {
        if (payload.ValueKind != JsonValueKind.Object)
        {
            throw new SlackPayloadException("Slash command payload is not a JSON object.");
        }

        return From(name => payload.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null);
    }

    private static SlashCommandPayload From(Func<string, string?> field)
    {
        string Required(string name) => field(name) is { Length: > 0 } value
            ? value
            : throw new SlackPayloadException($"Slash command field '{name}' is missing.");
        string? Optional(string name) => field(name) is { Length: > 0 } value ? value : null;

        return new SlashCommandPayload(
            Required("team_id"),
            Required("channel_id"),
            Required("user_id"),
            Optional("user_name") ?? Required("user_id"),
            Required("command"),
            Optional("text") ?? string.Empty,
            Optional("response_url"),
            Optional("trigger_id"),
            Optional("channel_name"));
    }

    /// <summary>Slack's <c>ssl_check=1</c> probe (sent when the command URL is saved); it needs only a 200.</summary>
    public static bool IsSslCheck(string formBody)
    {
        var form = new FormReader(formBody).ReadForm();
        return form.TryGetValue("ssl_check", out var value) && value == "1";
    }
}
