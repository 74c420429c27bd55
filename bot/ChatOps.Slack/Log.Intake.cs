using Microsoft.Extensions.Logging;

namespace ChatOps.Slack;

/// <summary>Log lines of the durable Slack intake.</summary>
internal static partial class Log
{
    [LoggerMessage(120, LogLevel.Warning, "Slack request to {Path} could not be stored in the durable intake; turned away so Slack (or the person) tries again")]
    public static partial void IntakeUnavailable(ILogger logger, Exception exception, string path);

    [LoggerMessage(121, LogLevel.Information, "Slack work queue is full; stored request {MessageId} waits in the durable intake")]
    public static partial void IntakeDeferred(ILogger logger, string messageId);

    [LoggerMessage(122, LogLevel.Information, "Took {Count} stored Slack request(s) nobody was working on from the durable intake")]
    public static partial void IntakeRecovered(ILogger logger, int count);

    [LoggerMessage(123, LogLevel.Error, "Stored Slack request {MessageId} was given up after {Attempts} takes ({Reason}); deleted")]
    public static partial void IntakePoison(ILogger logger, string messageId, long attempts, string reason);

    [LoggerMessage(124, LogLevel.Warning, "Applied Slack request {MessageId} could not be deleted from the durable intake; it will be taken again and found applied")]
    public static partial void IntakeDeleteFailed(ILogger logger, Exception? exception, string messageId);

    [LoggerMessage(125, LogLevel.Warning, "Looking in the durable Slack intake failed; trying again in {Interval}")]
    public static partial void IntakeRecoveryFailed(ILogger logger, Exception exception, TimeSpan interval);

    [LoggerMessage(126, LogLevel.Warning, "Slack request to {Path} was not kept: {Reason}")]
    public static partial void IntakeTooLarge(ILogger logger, string path, string reason);

    [LoggerMessage(127, LogLevel.Warning, "Stored Slack request {MessageId} could not be released to other instances; it is taken again when its visibility timeout ends")]
    public static partial void IntakeReleaseFailed(ILogger logger, Exception exception, string messageId);
}
