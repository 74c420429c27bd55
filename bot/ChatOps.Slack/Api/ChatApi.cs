using System.Text.Json.Nodes;
using ChatOps.Cards.Slack;

namespace ChatOps.Slack.Api;

/// <summary>
/// <c>chat.*</c> methods. Message text comes from the Block Kit renderer (already mrkdwn-escaped); the bot never
/// sends <c>link_names</c> or <c>parse=full</c>, so user text cannot turn into <c>@channel</c> pings or links.
/// </summary>
public class ChatApi(SlackApiClient client, ChannelPostRateLimiter rateLimiter)
{
    public virtual async Task<SlackMessageRef> PostMessageAsync(
        string channel,
        BlockKitMessage message,
        string? threadTs = null,
        CancellationToken cancellationToken = default)
    {
        const string method = "chat.postMessage";
        var arguments = MessageArguments(channel, message);
        if (threadTs is not null)
        {
            arguments["thread_ts"] = threadTs;
        }

        using var turn = await rateLimiter.WaitTurnAsync(channel, method, cancellationToken);
        var result = await client.CallAsync(method, arguments, cancellationToken);
        return new SlackMessageRef(
            SlackApiClient.Required(result, method, "channel"),
            SlackApiClient.Required(result, method, "ts"));
    }

    public virtual async Task<SlackMessageRef> UpdateAsync(
        string channel,
        string ts,
        BlockKitMessage message,
        CancellationToken cancellationToken = default)
    {
        const string method = "chat.update";
        ArgumentException.ThrowIfNullOrEmpty(ts);
        var arguments = MessageArguments(channel, message);
        arguments["ts"] = ts;
        var result = await client.CallAsync(method, arguments, cancellationToken);
        return new SlackMessageRef(
            SlackApiClient.Required(result, method, "channel"),
            SlackApiClient.Required(result, method, "ts"));
    }

    /// <summary>Posts a message only <paramref name="user"/> sees; returns its <c>message_ts</c>.</summary>
    public virtual async Task<string> PostEphemeralAsync(
        string channel,
        string user,
        BlockKitMessage message,
        string? threadTs = null,
        CancellationToken cancellationToken = default)
    {
        const string method = "chat.postEphemeral";
        ArgumentException.ThrowIfNullOrEmpty(user);
        var arguments = MessageArguments(channel, message);
        arguments["user"] = user;
        if (threadTs is not null)
        {
            arguments["thread_ts"] = threadTs;
        }

        using var turn = await rateLimiter.WaitTurnAsync(channel, method, cancellationToken);
        var result = await client.CallAsync(method, arguments, cancellationToken);
        return SlackApiClient.Required(result, method, "message_ts");
    }

    private static JsonObject MessageArguments(string channel, BlockKitMessage message)
    {
        ArgumentException.ThrowIfNullOrEmpty(channel);
        ArgumentNullException.ThrowIfNull(message);
        return new JsonObject
        {
            ["channel"] = channel,
            ["text"] = message.Text,
            ["blocks"] = message.Blocks.DeepClone(),
            ["unfurl_links"] = false,
            ["unfurl_media"] = false,
        };
    }
}
