namespace ChatOps.Slack.Work;

/// <summary>Where replies to one request go.</summary>
/// <param name="TeamId">Workspace.</param>
/// <param name="ChannelId">Conversation to post into.</param>
/// <param name="UserId">The actor (target of ephemeral replies).</param>
/// <param name="ResponseUrl">Slack's <c>response_url</c> of a command or click, when there is one.</param>
/// <param name="MessageChannelId">Channel of the message a button sat on (<c>container.channel_id</c>).</param>
/// <param name="MessageTs">That message's <c>ts</c>, for <c>chat.update</c>; null for ephemeral messages.</param>
/// <param name="ThreadTs">Thread to answer in, when the request came from a thread.</param>
public sealed record SlackReplyTarget(
    string TeamId,
    string ChannelId,
    string UserId,
    string? ResponseUrl = null,
    string? MessageChannelId = null,
    string? MessageTs = null,
    string? ThreadTs = null,
    string? TriggerId = null);
