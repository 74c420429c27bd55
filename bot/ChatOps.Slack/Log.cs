using ChatOps.Slack.Signing;
using Microsoft.Extensions.Logging;

namespace ChatOps.Slack;

/// <summary>All log lines of the Slack channel. None of them carries the signing secret or the bot token.</summary>
internal static partial class Log
{
    [LoggerMessage(1, LogLevel.Warning, "Refused Slack request to {Path}: {Reason}")]
    public static partial void SlackRequestRefused(ILogger logger, string path, SignatureCheck reason);

    [LoggerMessage(2, LogLevel.Warning, "Malformed Slack payload on {Path}: {Problem}")]
    public static partial void MalformedPayload(ILogger logger, string path, string problem);

    [LoggerMessage(3, LogLevel.Warning, "Slack work queue is full; {Count} request(s) {Fate} (the latest to {Path}) since the last report (at most one every {Interval})")]
    public static partial void QueueFull(ILogger logger, long count, string fate, string path, TimeSpan interval);

    [LoggerMessage(4, LogLevel.Debug, "Ignored Slack {Kind} ({Detail})")]
    public static partial void Ignored(ILogger logger, string kind, string detail);


    [LoggerMessage(6, LogLevel.Error, "Slack work item {Kind} timed out after {Timeout}")]
    public static partial void WorkTimedOut(ILogger logger, string kind, TimeSpan timeout);

    [LoggerMessage(7, LogLevel.Error, "Slack work item {Kind} failed")]
    public static partial void WorkFailed(ILogger logger, Exception exception, string kind);

    [LoggerMessage(8, LogLevel.Error, "Slack reply ({Mode}) could not be delivered")]
    public static partial void ReplyFailed(ILogger logger, Exception exception, string mode);

    [LoggerMessage(9, LogLevel.Warning, "Could not remember Slack conversation {ConversationId}")]
    public static partial void RememberFailed(ILogger logger, Exception exception, string conversationId);

    [LoggerMessage(10, LogLevel.Warning, "Slack API {Method} answered error {Error}")]
    public static partial void ApiError(ILogger logger, string method, string error);

    [LoggerMessage(11, LogLevel.Warning, "Refused to post to response_url host {Host}: not an allowed Slack host")]
    public static partial void ResponseUrlRefused(ILogger logger, string host);

}
