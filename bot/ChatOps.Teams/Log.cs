using Microsoft.Extensions.Logging;

namespace ChatOps.Teams;

/// <summary>All log lines of the Teams channel. None carries a token, secret or message text.</summary>
internal static partial class Log
{
    [LoggerMessage(1, LogLevel.Warning, "Teams: no MicrosoftAppId is configured; /api/messages accepts unauthenticated activities ONLY in Development from a loopback address (the dev console), and sends without a token.")]
    public static partial void DevConsoleAnonymous(ILogger logger);

    [LoggerMessage(2, LogLevel.Warning, "Teams: no MicrosoftAppId is configured outside Development; every request to /api/messages is refused.")]
    public static partial void NoAppIdRefusingAll(ILogger logger);

    [LoggerMessage(3, LogLevel.Warning, "Teams: refused a {ActivityType} activity: {Reason}.")]
    public static partial void ActivityRefused(ILogger logger, string? activityType, string reason);

    [LoggerMessage(4, LogLevel.Warning, "Teams: invalid activity: {Reason}.")]
    public static partial void InvalidActivity(ILogger logger, string reason);


    [LoggerMessage(6, LogLevel.Debug, "Teams: ignored a {ActivityType} activity.")]
    public static partial void IgnoredActivity(ILogger logger, string? activityType);

    [LoggerMessage(7, LogLevel.Information, "Teams: unsupported invoke '{InvokeName}'.")]
    public static partial void UnsupportedInvoke(ILogger logger, string? invokeName);

    [LoggerMessage(8, LogLevel.Error, "Teams: could not deliver the reply to a {ActivityType} activity.")]
    public static partial void ReplyFailed(ILogger logger, Exception exception, string? activityType);

    [LoggerMessage(9, LogLevel.Error, "Teams: getting the bot token failed ({ErrorCode}).")]
    public static partial void BotTokenFailed(ILogger logger, string errorCode);

    [LoggerMessage(10, LogLevel.Information, "Teams: stored the conversation reference from a {ActivityType} ({ConversationType}).")]
    public static partial void ConversationReferenceStored(ILogger logger, string? activityType, string? conversationType);

    [LoggerMessage(11, LogLevel.Information, "Teams: the bot was removed ({ActivityType}).")]
    public static partial void BotRemoved(ILogger logger, string? activityType);


    [LoggerMessage(13, LogLevel.Error, "Teams: getting the Microsoft Graph token failed ({ErrorCode}).")]
    public static partial void GraphTokenFailed(ILogger logger, string errorCode);

    [LoggerMessage(14, LogLevel.Warning, "Teams: incident channel step '{Step}' failed ({Status}).")]
    public static partial void IncidentChannelFailed(ILogger logger, Exception exception, string step, string status);
}
