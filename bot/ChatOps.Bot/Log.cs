using System.Net;
using Microsoft.Extensions.Logging;

namespace ChatOps.Bot;

/// <summary>The log lines of the host, one event id each.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Warning, Message = "Notification dispatcher paused: {Reason}")]
    public static partial void NotificationWorkerPaused(ILogger logger, string reason);

    [LoggerMessage(EventId = 2, Level = LogLevel.Error, Message = "Notification dispatcher pass failed")]
    public static partial void NotificationPassFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 3, Level = LogLevel.Warning, Message = "Reminder pass failed")]
    public static partial void ReminderPassFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 4, Level = LogLevel.Warning, Message = "Watch pass failed")]
    public static partial void WatchPassFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 5, Level = LogLevel.Warning, Message = "Storage unavailable while serving {Path}: {Reason}")]
    public static partial void StorageUnavailable(ILogger logger, PathString path, string reason);

    [LoggerMessage(EventId = 6, Level = LogLevel.Warning, Message = "CI run {RunId} on host {CiHost} could not be read (HTTP {Status}): {Reason}")]
    public static partial void CiRunUnreadable(ILogger logger, string ciHost, long runId, HttpStatusCode? status, string reason);

    [LoggerMessage(EventId = 7, Level = LogLevel.Warning, Message = "Reports:SigningKey is not set; using a random key for this process (Development only). Report links stop working on restart.")]
    public static partial void ReportEphemeralKey(ILogger logger);

    [LoggerMessage(EventId = 8, Level = LogLevel.Warning, Message = "Checkpoint flush paused, {Pending} incident(s) pending: {Reason}")]
    public static partial void CheckpointFlushPaused(ILogger logger, int pending, string reason);

    [LoggerMessage(EventId = 9, Level = LogLevel.Error, Message = "Checkpoint flush failed, {Pending} incident(s) pending")]
    public static partial void CheckpointFlushFailed(ILogger logger, Exception exception, int pending);

    [LoggerMessage(EventId = 10, Level = LogLevel.Warning, Message = "Stopping with {Pending} checkpoint(s) not written; verify names their newest records as not covered until their next change")]
    public static partial void CheckpointsLeftPending(ILogger logger, int pending);
}
