using ChatOps.Core.Commands;
using ChatOps.Core.Conversations;
using ChatOps.Core.Identity;
using ChatOps.Core.Idempotency;
using ChatOps.Core.Storage;
using Microsoft.Extensions.Logging;

namespace ChatOps.Slack.Work;

/// <summary>
/// Runs one acknowledged request: claims its delivery key (so retries and double clicks act once), remembers
/// the conversation for proactive messages, dispatches the command to Core and delivers every reply.
/// </summary>
public sealed class SlackWorkProcessor(
    ICommandDispatcher dispatcher,
    IIdempotencyStore idempotency,
    SlackReplySender sender,
    TimeProvider timeProvider,
    ILogger<SlackWorkProcessor> logger,
    IConversationReferenceStore? conversations = null)
{
    public async Task ProcessAsync(SlackWorkItem item, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(item);
        try
        {
            // A stored request claims as its intake message: taken again after a crash, it is still its own claim.
            if (item.DeliveryKey is { } key && !await (item.Receipt is { } receipt
                    ? idempotency.TryClaimAsync(key.Scope, key.Key, "intake-" + receipt.MessageId, cancellationToken)
                    : idempotency.TryClaimAsync(key.Scope, key.Key, cancellationToken)))
            {
                Log.Duplicate(logger, key.Scope, key.Key, key.RetryNum);
                return;
            }
        }
        catch (StorageUnavailableException)
        {
            // Storage failed before the command ran: nothing was recorded, and the person is told so.
            await SendAllAsync(item, CommandDispatcher.StorageUnavailable(), cancellationToken);
            return;
        }

        await RememberConversationAsync(item, cancellationToken);
        var command = Deliverable(item);
        var result = await dispatcher.DispatchAsync(command, cancellationToken);
        for (var retry = 1; result.LostRace && item.Receipt is not null && retry <= LostRaceRetries; retry++)
        {
            // Kept durably, so the person was told "Working on it…": another instance won the incident several times
            // in a row; wait a little (spread, so the instances stop colliding) and run it again.
            await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(20, 100) * retry), timeProvider, cancellationToken);
            result = await dispatcher.DispatchAsync(command, cancellationToken);
        }

        await SendAllAsync(item, result, cancellationToken);
    }

    /// <summary>Runs of a stored request that lost every try to another instance, before the refusal is passed on.</summary>
    public const int LostRaceRetries = 3;

    /// <summary>
    /// A stored request can run again after a crash (between its commit and its deletion), so its incident changes
    /// carry its identity: the intake message id, or the delivery key a repeat of the same request shares.
    /// </summary>
    private static Command Deliverable(SlackWorkItem item) => item.Receipt is { } receipt
        ? item.Command with { DeliveryId = item.DeliveryKey is { } key ? $"{key.Scope}:{key.Key}" : "intake:" + receipt.MessageId }
        : item.Command;

    private async Task SendAllAsync(SlackWorkItem item, CommandResult result, CancellationToken cancellationToken)
    {
        foreach (var reply in result.Replies)
        {
            try
            {
                await sender.SendAsync(reply, item.Target, cancellationToken);
            }
            catch (Exception ex) when (ex is Api.SlackApiException or HttpRequestException)
            {
                // One undeliverable reply (e.g. not_in_channel) must not swallow the others.
                Log.ReplyFailed(logger, ex, reply.Mode.ToString());
            }
        }
    }

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
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Remembering the conversation is a convenience for later notifications; the answer still goes out.
            Log.RememberFailed(logger, ex, target.ChannelId);
        }
    }
}
