using ChatOps.Core.Commands;
using ChatOps.Core.Commands.Grammar;
using ChatOps.Core.Conversations;
using ChatOps.Core.Idempotency;
using ChatOps.Core.Storage;
using Microsoft.Extensions.Logging;

namespace ChatOps.Core.Inbound;

/// <summary>
/// The one path of every command a channel receives, Teams or Slack: read the text once, claim the redelivery key when
/// the command may change state, dispatch, turn a storage failure before the command ran into "nothing was recorded",
/// deliver each reply through the channel's <see cref="IReplyPort"/> (one undeliverable reply does not swallow the
/// others) and remember where a card that may change later was posted. Channels only translate wire ↔ command and
/// reply ↔ wire.
/// </summary>
public sealed class InboundPipeline(
    ICommandDispatcher dispatcher,
    ICommandParser parser,
    IIdempotencyStore idempotency,
    TimeProvider time,
    ILogger<InboundPipeline> logger,
    IPostedCardStore? postedCards = null)
{
    /// <summary>Runs of a durable request that lost every try to another instance, before the refusal is passed on.</summary>
    public const int LostRaceRetries = 3;

    /// <summary>Decides the request and delivers its replies. False when it was a repeat of a delivery already handled.</summary>
    public async Task<bool> RunAsync(InboundRequest request, IReplyPort replies, CancellationToken cancellationToken)
    {
        if (await DecideAsync(request, cancellationToken) is not { } result)
        {
            return false;
        }

        await DeliverAsync(result.Replies, replies, cancellationToken);
        return true;
    }

    /// <summary>
    /// Claims, reads and dispatches; null when the delivery was a repeat (nothing to answer). For a channel that answers
    /// part of the result in its own response (a Teams invoke) and hands the rest to <see cref="DeliverAsync"/>.
    /// </summary>
    public async Task<CommandResult?> DecideAsync(InboundRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var reading = CommandReading.Of(request.Command, parser);
        try
        {
            // A repeat of a command whose only effect is its incident's batch is found in that batch (the claim would be one
            // more write, and lost with the command if the process died between the two).
            // A plain read, or such a command, changes state outside the batch only as a waiting dialog's answer: claimed then.
            if (request.Redelivery is { } answerKey && reading.ClaimedOnlyAsAnswer)
            {
                // Once per request: a command routed again (KeptSnapshotStaleException) or retried asks the same claim.
                Task<bool>? claimed = null;
                reading = reading.WithAnswerClaim(ct => claimed ??= ClaimAsync(answerKey, ct));
            }
            else if (request.Redelivery is { } key && reading.MayChangeState && !reading.RepeatCaughtInBatch && !await ClaimAsync(key, cancellationToken))
            {
                Log.DuplicateDelivery(logger, key.Scope, key.Key);
                return null;
            }
        }
        catch (StorageUnavailableException)
        {
            // Storage failed before the command ran: nothing was recorded, and the person is told so (not a 500).
            return CommandDispatcher.StorageUnavailable();
        }

        var result = await dispatcher.DispatchAsync(reading, cancellationToken);
        for (var retry = 1; result.LostRace && request.Durable && retry <= LostRaceRetries; retry++)
        {
            // Kept durably, so the person was told "Working on it…": another instance won the incident several times
            // in a row; wait a little (spread, so the instances stop colliding) and run it again.
            await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(20, 100) * retry), time, cancellationToken);
            result = await dispatcher.DispatchAsync(reading, cancellationToken);
        }

        if (result.Repeated && request.Redelivery is { } repeated)
        {
            // Delivered again after it was applied: answered once already, so nothing more is said.
            Log.DuplicateDelivery(logger, repeated.Scope, repeated.Key);
            return null;
        }

        return result;
    }

    /// <summary>Delivers each reply through the channel and remembers where a card that may change later was posted.</summary>
    public async Task DeliverAsync(IEnumerable<Reply> replies, IReplyPort port, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(replies);
        ArgumentNullException.ThrowIfNull(port);
        foreach (var reply in replies)
        {
            PostedCard? posted;
            try
            {
                posted = await port.SendAsync(reply, cancellationToken);
            }
            catch (ReplyNotDeliveredException ex)
            {
                // The request is claimed, so a redelivery would not help; one undeliverable reply must not swallow the others.
                Log.ReplyFailed(logger, ex, reply.Mode.ToString());
                continue;
            }

            if (posted is not null && reply.Mode == ReplyMode.Post && PostedCardKeys.For(reply.View) is { } cardKey)
            {
                await RememberAsync(cardKey, posted, cancellationToken);
            }
        }
    }

    private Task<bool> ClaimAsync(RedeliveryKey key, CancellationToken cancellationToken) => key.Holder is { } holder
        ? idempotency.TryClaimAsync(key.Scope, key.Key, holder, cancellationToken)
        : idempotency.TryClaimAsync(key.Scope, key.Key, cancellationToken);

    private async Task RememberAsync(string cardKey, PostedCard posted, CancellationToken cancellationToken)
    {
        if (postedCards is null)
        {
            return;
        }

        try
        {
            await postedCards.RecordAsync(cardKey, posted, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The card is out; without the record only a later click (not a typed change) can update it.
            Log.PostedCardNotRecorded(logger, ex);
        }
    }
}
