using Microsoft.Extensions.Logging;

namespace ChatOps.Storage;

/// <summary>The decisions storage takes that are worth a log line. None of them carries a connection string or a row's contents.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Created table {Table}")]
    public static partial void TableCreated(ILogger logger, string table);

    [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "Created queue {Queue}")]
    public static partial void QueueCreated(ILogger logger, string queue);

    [LoggerMessage(EventId = 3, Level = LogLevel.Information, Message = "Commit to incident {IncidentId} lost the ETag race: it changed since it was read; nothing was written")]
    public static partial void IncidentETagConflict(ILogger logger, string incidentId);

    [LoggerMessage(EventId = 4, Level = LogLevel.Information, Message = "Commit to incident {IncidentId} was answered with a conflict, but its records are stored (an earlier attempt had landed); taken as done")]
    public static partial void IncidentCommitLanded(ILogger logger, string incidentId);

    [LoggerMessage(EventId = 5, Level = LogLevel.Information, Message = "Delivery {DeliveryKey} was already applied to incident {IncidentId}; nothing was written")]
    public static partial void DuplicateDelivery(ILogger logger, string deliveryKey, string incidentId);

    [LoggerMessage(EventId = 6, Level = LogLevel.Debug, Message = "Snapshot of incident {IncidentId} split across {Chunks} properties (one holds 64 KiB)")]
    public static partial void SnapshotSplit(ILogger logger, string incidentId, int chunks);

    [LoggerMessage(EventId = 7, Level = LogLevel.Warning, Message = "Refused to store an intake message of {Bytes} bytes (the limit is {Limit})")]
    public static partial void IntakeTooLarge(ILogger logger, int bytes, int limit);

    [LoggerMessage(EventId = 8, Level = LogLevel.Debug, Message = "Intake message {MessageId} was taken again or deleted since its receipt was handed out; {Operation} skipped")]
    public static partial void IntakeReceiptStale(ILogger logger, string messageId, string operation);
}
