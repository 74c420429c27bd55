using System.Text.Json.Nodes;

namespace ChatOps.Slack.Inbound;

/// <summary>
/// The answer to one delivery: its outcome and, where Slack reads one, the response body (a slash command's
/// ephemeral text, a view submission's <c>response_action: errors</c>). Over HTTP the body is the 200's body; in
/// Socket Mode it is the ack's <c>payload</c> (api.slack.com/apis/connections/socket-implement).
/// </summary>
public sealed record SlackAck(SlackAckOutcome Outcome, JsonObject? Payload = null)
{
    public static readonly SlackAck Accepted = new(SlackAckOutcome.Accepted);

    public static readonly SlackAck Ignored = new(SlackAckOutcome.Ignored);

    public static readonly SlackAck Busy = new(SlackAckOutcome.Busy);
}
