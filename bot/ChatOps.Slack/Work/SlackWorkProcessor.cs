using ChatOps.Core.Commands;
using ChatOps.Core.Conversations;
using ChatOps.Core.Identity;
using ChatOps.Core.Inbound;
using Microsoft.Extensions.Logging;

namespace ChatOps.Slack.Work;

/// <summary>
/// Runs one acknowledged request through Core's <see cref="InboundPipeline"/> (its delivery key claimed so retries and
/// double clicks act once), after remembering the conversation for proactive messages (stored again only when this
/// process has not stored it lately, <see cref="RememberedConversations"/>); replies go out through
/// <see cref="SlackReplySender.PortFor"/>.
/// </summary>
public sealed class SlackWorkProcessor(
    InboundPipeline pipeline,
    SlackReplySender sender,
    TimeProvider timeProvider,
    ILogger<SlackWorkProcessor> logger,
    IConversationReferenceStore? conversations = null,
    RememberedConversations? remembered = null)
{
    public async Task ProcessAsync(SlackWorkItem item, CancellationToken cancellationToken)
    {
        var applied = await ApplyAsync(item, cancellationToken);
        await applied.Deliver(cancellationToken);
    }

    /// <summary>
    /// Decides the request (claims, dispatches, commits) and returns what sends its replies, so the worker can apply the
    /// conversation's next request while these wait for their channel's turn (<see cref="SlackReplyLanes"/>).
    /// </summary>
    public async Task<SlackApplied> ApplyAsync(SlackWorkItem item, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(item);
        await RememberConversationAsync(item, cancellationToken);

        // A stored request claims as its intake message: taken again after a crash, it is still its own claim.
        var redelivery = item.DeliveryKey is { } key
            ? new RedeliveryKey(key.Scope, key.Key, item.IntakeId is { } stored ? "intake-" + stored : null)
            : null;
        var result = await pipeline.DecideAsync(new InboundRequest(Deliverable(item), redelivery, Durable: item.Receipt is not null), cancellationToken);
        if (result is null)
        {
            return new SlackApplied(_ => Task.CompletedTask, PostsTrackedCard: false);
        }

        var port = sender.PortFor(item.Target);
        var tracked = result.Replies.Any(r => r.Mode == ReplyMode.Post && PostedCardKeys.For(r.View) is not null);
        return new SlackApplied(token => pipeline.DeliverAsync(result.Replies, port, token), tracked);
    }

    /// <summary>
    /// A stored request can run again after a crash (between its commit and its deletion), so its incident changes
    /// carry its identity: the intake message id, or the delivery key a repeat of the same request shares.
    /// </summary>
    private static Command Deliverable(SlackWorkItem item) => item.IntakeId is { } stored
        ? item.Command with { DeliveryId = item.DeliveryKey is { } key ? $"{key.Scope}:{key.Key}" : "intake:" + stored }
        : item.Command;
    private async Task RememberConversationAsync(SlackWorkItem item, CancellationToken cancellationToken)
    {
        if (conversations is null)
        {
            return;
        }

        var target = item.Target;
        var reference = new ConversationReference(
            ChannelKind.Slack,
            target.TeamId,
            target.ChannelId,
            target.UserId,
            UpdatedAt: timeProvider.GetUtcNow());
        if (remembered?.IsStored(reference, item.IsDirectMessage) == true)
        {
            return;
        }

        try
        {
            if (item.IsDirectMessage)
            {
                await conversations.UpsertPersonalAsync(reference, cancellationToken);
            }
            else
            {
                await conversations.UpsertAsync(reference, cancellationToken);
            }

            remembered?.Stored(reference, item.IsDirectMessage);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Remembering the conversation is a convenience for later notifications; the answer still goes out.
            Log.RememberFailed(logger, ex, target.ChannelId);
        }
    }
}

/// <summary>
/// A request applied by <see cref="SlackWorkProcessor.ApplyAsync"/>: what sends its replies, and whether one of them
/// posts a card that later changes update in place (an approval card): the conversation's next request then waits
/// until it is posted, so a change to it finds where it landed.
/// </summary>
public sealed record SlackApplied(Func<CancellationToken, Task> Deliver, bool PostsTrackedCard);
