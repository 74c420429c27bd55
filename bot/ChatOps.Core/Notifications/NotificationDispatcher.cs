using ChatOps.Core.Decisions.Events;
using ChatOps.Core.Identity;
using ChatOps.Core.Workflow;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatOps.Core.Notifications;

/// <summary>
/// Delivers the outbox: expands each audience row into one delivery per recipient (idempotent, so a crash
/// mid-expansion re-runs safely), claims due deliveries with a lease (so two instances never send the same row at
/// once, and a dead instance's rows are taken over when its lease ends), sends, and marks them sent. Failures
/// back off; after <see cref="NotificationOptions.MaxAttempts"/> the row is dead-lettered and the incident
/// channel is told who could not be reached. Delivery is at least once.
/// </summary>
public sealed class NotificationDispatcher(
    IDeliveryStore deliveries,
    AudienceDirectory audiences,
    IEnumerable<INotificationSender> senders,
    WorkflowServices services,
    IOptions<NotificationOptions> options,
    ILogger<NotificationDispatcher> logger)
{
    private readonly Dictionary<ChannelKind, INotificationSender> _senders = senders.ToDictionary(s => s.Channel);
    private readonly NotificationOptions _options = options.Value;

    /// <summary>Identifies this dispatcher's leases.</summary>
    public string Owner { get; } = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}";

    /// <summary>One pass: expand pending outbox rows, then send what is due. Returns how many rows it handled.</summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken = default)
    {
        var handled = 0;
        foreach (var outbox in await deliveries.GetPendingOutboxAsync(50, cancellationToken))
        {
            await ExpandAsync(outbox, cancellationToken);
            handled++;
        }

        var due = await deliveries.GetDueAsync(services.Time.GetUtcNow(), 500, cancellationToken);
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = _options.Parallelism, CancellationToken = cancellationToken };
        var sent = 0;
        await Parallel.ForEachAsync(due, parallel, async (delivery, ct) =>
        {
            if (await DeliverAsync(delivery, ct))
            {
                Interlocked.Increment(ref sent);
            }
        });
        return handled + sent;
    }

    private async Task ExpandAsync(PendingOutbox outbox, CancellationToken cancellationToken)
    {
        var notice = Notice.Read(outbox.Payload);
        var channel = notice.IncidentConversation.Channel;
        var recipients = notice.ChannelText is not null
            ? [new Recipient(channel, notice.TenantId, RecipientKind.Conversation, notice.IncidentConversation.ConversationId)]
            : await audiences.ResolveAsync(channel, notice.TenantId, notice.Audience, notice.Members, cancellationToken);
        if (recipients.Count == 0 && notice.ChannelText is null)
        {
            // Recorded before the row is marked expanded, so a crash in between re-runs it; the decision skips a repeat.
            await RecordReachedNobodyAsync(notice, cancellationToken);
        }

        await deliveries.ExpandAsync(outbox, recipients, cancellationToken);
        if (notice.ChannelText is null)
        {
            services.NoticeRecipients.Expanded(notice.TenantId, notice.IncidentId, notice.NoticeId, notice.Audience, recipients);
        }

        Log.NoticeExpanded(logger, notice.IncidentId, notice.NoticeId, notice.Audience, recipients.Count);
    }

    private async Task<bool> DeliverAsync(Delivery due, CancellationToken cancellationToken)
    {
        var now = services.Time.GetUtcNow();
        var delivery = await deliveries.TryClaimAsync(due, Owner, now + _options.Lease, cancellationToken);
        if (delivery is null)
        {
            return false;
        }

        try
        {
            if (!_senders.TryGetValue(delivery.Recipient.Channel, out var sender))
            {
                throw new DeliveryException($"No {delivery.Recipient.Channel} channel is configured.", permanent: true);
            }

            var notice = Notice.Read(delivery.Payload);
            await sender.SendAsync(delivery.Recipient, notice.View, notice.IncidentConversation, cancellationToken);
            var sentAt = services.Time.GetUtcNow();
            await deliveries.MarkSentAsync(delivery, sentAt, cancellationToken);
            if (notice.Update is { } update)
            {
                Diagnostics.ChatOpsDiagnostics.OutboxLag.Record((sentAt - update.SentAt).TotalSeconds,
                    new KeyValuePair<string, object?>("chatops.channel", delivery.Recipient.Channel.ToString()));
            }

            return true;
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            await FailAsync(delivery, ex, cancellationToken);
            return false;
        }
    }

    private async Task FailAsync(Delivery delivery, Exception error, CancellationToken cancellationToken)
    {
        var attempts = delivery.Attempts + 1;
        Diagnostics.ChatOpsDiagnostics.OutboxFailures.Add(1, new KeyValuePair<string, object?>("chatops.channel", delivery.Recipient.Channel.ToString()));
        var permanent = error is DeliveryException { Permanent: true };
        var message = error.Message.Length > 500 ? error.Message[..500] : error.Message;
        if (!permanent && attempts < _options.MaxAttempts)
        {
            // The platform's Retry-After (its last answer was 429 even after the HTTP retries) wins over our back-off.
            var delay = _options.RetryDelay * Math.Pow(2, attempts - 1);
            if (error is DeliveryException { RetryAfter: { } retryAfter } && retryAfter > delay)
            {
                delay = retryAfter;
            }

            await deliveries.MarkFailedAsync(delivery with { Attempts = attempts }, message, services.Time.GetUtcNow() + delay, cancellationToken);
            Log.DeliveryRetry(logger, delivery.IncidentId, delivery.NoticeId, delivery.Recipient.Key, attempts, message);
            return;
        }

        await deliveries.MarkFailedAsync(delivery with { Attempts = attempts }, message, null, cancellationToken);
        Log.DeliveryDeadLettered(logger, delivery.IncidentId, delivery.NoticeId, delivery.Recipient.Key, message);
        if (delivery.Audience != "channel")
        {
            await RecordUndeliverableAsync(delivery, message, cancellationToken);
        }
    }

    private async Task RecordUndeliverableAsync(Delivery delivery, string error, CancellationToken cancellationToken)
    {
        var actor = new Actor(delivery.Recipient.Channel, delivery.TenantId, "notifications", "ChatOps notifications");
        var who = delivery.Recipient.Kind == RecipientKind.User ? delivery.Recipient.Id : "channel " + delivery.Recipient.Id;
        await services.Runner.ChangeAsync(delivery.TenantId, delivery.IncidentId, actor, incident => new Change(
            [new PendingEvent(new NoticeUndeliverable(delivery.NoticeId, who), error)],
            [NoticeFactory.ChannelLine(incident, $"⚠️ Update {delivery.NoticeId} ({delivery.Audience}) could not reach {who} after {_options.MaxAttempts} attempts: {error}")]),
            cancellationToken);
    }

    /// <summary>An update that reached nobody is said in the incident channel, with how to add recipients, and recorded.</summary>
    private async Task RecordReachedNobodyAsync(Notice notice, CancellationToken cancellationToken)
    {
        var actor = new Actor(notice.IncidentConversation.Channel, notice.TenantId, "notifications", "ChatOps notifications");
        await services.Runner.ChangeAsync(notice.TenantId, notice.IncidentId, actor, incident =>
            incident.FindNotice(notice.NoticeId) is not { } record || record.ReachedNobody.Contains(notice.Audience, StringComparer.OrdinalIgnoreCase)
                ? new Change([], [])
                : new Change(
                    [new PendingEvent(new NoticeReachedNobody(notice.NoticeId, notice.Audience))],
                    [NoticeFactory.ChannelLine(incident, NoticeReach.NobodyText(notice.NoticeId, notice.Audience))]),
            cancellationToken);
    }
}
