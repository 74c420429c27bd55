using Microsoft.Extensions.Logging;

namespace ChatOps.Core;

/// <summary>The log lines of the domain, one event id each.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Warning, Message = "No {Channel} poster is registered, so the card of alert {AlertId} in {IncidentId} was not posted")]
    public static partial void AlertCardNoPoster(ILogger logger, string channel, string alertId, string incidentId);

    [LoggerMessage(EventId = 2, Level = LogLevel.Warning, Message = "Could not post the card of alert {AlertId} in {IncidentId}")]
    public static partial void AlertCardPostFailed(ILogger logger, Exception exception, string alertId, string incidentId);

    [LoggerMessage(EventId = 3, Level = LogLevel.Warning, Message = "Could not update the card of alert {AlertId} in {IncidentId}")]
    public static partial void AlertCardUpdateFailed(ILogger logger, Exception exception, string alertId, string incidentId);

    [LoggerMessage(EventId = 4, Level = LogLevel.Warning, Message = "Alert {AlertId} from {Source} ({Name}) matches no system rule; not posted")]
    public static partial void AlertUnknownSystem(ILogger logger, string source, string alertId, string name);

    [LoggerMessage(EventId = 5, Level = LogLevel.Information, Message = "Alert {AlertId} from {Source} on {Systems}: no active incident watches a deployment there; not posted")]
    public static partial void AlertNotWatched(ILogger logger, string source, string alertId, string systems);

    [LoggerMessage(EventId = 7, Level = LogLevel.Information, Message = "Expanded notice {IncidentId}/{NoticeId} for {Audience} to {Count} recipient(s)")]
    public static partial void NoticeExpanded(ILogger logger, string incidentId, string noticeId, string audience, int count);

    [LoggerMessage(EventId = 8, Level = LogLevel.Warning, Message = "Delivery of {IncidentId}/{NoticeId} to {Recipient} failed (attempt {Attempt}); will retry: {Error}")]
    public static partial void DeliveryRetry(ILogger logger, string incidentId, string noticeId, string recipient, int attempt, string error);

    [LoggerMessage(EventId = 9, Level = LogLevel.Error, Message = "Delivery of {IncidentId}/{NoticeId} to {Recipient} dead-lettered: {Error}")]
    public static partial void DeliveryDeadLettered(ILogger logger, string incidentId, string noticeId, string recipient, string error);

    [LoggerMessage(EventId = 10, Level = LogLevel.Warning, Message = "Could not update the {Channel} card of approval {ApprovalId} after it was voided")]
    public static partial void ApprovalCardUpdateFailed(ILogger logger, Exception exception, string channel, string approvalId);

    [LoggerMessage(EventId = 11, Level = LogLevel.Warning, Message = "Storage unavailable while handling a command")]
    public static partial void StorageUnavailable(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 12, Level = LogLevel.Information, Message = "Delivery {Scope}/{Key} was already handled; ignored")]
    public static partial void DuplicateDelivery(ILogger logger, string scope, string key);

    [LoggerMessage(EventId = 13, Level = LogLevel.Error, Message = "The channel could not deliver a {Mode} reply.")]
    public static partial void ReplyFailed(ILogger logger, Exception exception, string mode);

    [LoggerMessage(EventId = 14, Level = LogLevel.Warning, Message = "A posted card was sent but where it landed could not be recorded")]
    public static partial void PostedCardNotRecorded(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 15, Level = LogLevel.Information, Message = "A command routed on a kept snapshot that another instance had moved on from is routed again on storage")]
    public static partial void RoutedAgain(ILogger logger);

    [LoggerMessage(EventId = 16, Level = LogLevel.Warning, Message = "More than {Limit} checkpoints pending: dropped the one of {IncidentId} at record {Sequence}; verify names its newest records as not covered until its next change")]
    public static partial void CheckpointDropped(ILogger logger, string incidentId, long sequence, int limit);
}
