using Microsoft.Extensions.Logging;

namespace ChatOps.Slack;

/// <summary>Socket Mode log lines (ids 100+). None carries the app token or a WebSocket URL (its ticket opens a connection).</summary>
internal static partial class Log
{
    [LoggerMessage(100, LogLevel.Information, "Slack Socket Mode connection {Connection} open (Slack counts {NumConnections} connection(s))")]
    public static partial void SocketConnected(ILogger logger, string connection, int? numConnections);

    [LoggerMessage(101, LogLevel.Warning, "Slack Socket Mode slot {Slot}: reconnecting in {Delay} (attempt {Attempt}) after: {Problem}")]
    public static partial void SocketReconnecting(ILogger logger, int slot, TimeSpan delay, int attempt, string problem);

    [LoggerMessage(102, LogLevel.Information, "Slack asked connection {Connection} to disconnect ({Reason}); opening its replacement")]
    public static partial void SocketDisconnectRequested(ILogger logger, string connection, string reason);

    [LoggerMessage(103, LogLevel.Error, "Slack Socket Mode stopped and will not reconnect: {Reason}")]
    public static partial void SocketModeStopped(ILogger logger, string reason);

    [LoggerMessage(104, LogLevel.Debug, "Slack Socket Mode {Type} envelope {EnvelopeId} on {Connection}: {Outcome}")]
    public static partial void EnvelopeHandled(ILogger logger, string type, string envelopeId, string connection, string outcome);

    [LoggerMessage(105, LogLevel.Warning, "Slack Socket Mode {Type} envelope {EnvelopeId} left unacknowledged: the work queue is full, Slack will deliver it again")]
    public static partial void EnvelopeNotAcknowledged(ILogger logger, string type, string envelopeId);

    [LoggerMessage(106, LogLevel.Warning, "Malformed Slack Socket Mode message on {Connection}: {Problem}")]
    public static partial void MalformedEnvelope(ILogger logger, string connection, string problem);

    [LoggerMessage(107, LogLevel.Warning, "Slack Socket Mode connection {Connection} lost: {Problem}")]
    public static partial void SocketLost(ILogger logger, string connection, string problem);

    [LoggerMessage(108, LogLevel.Warning, "Slack Socket Mode could not be checked at start-up ({Problem}); connecting in the background")]
    public static partial void SocketStartupCheckFailed(ILogger logger, string problem);

    [LoggerMessage(109, LogLevel.Error, "Slack Socket Mode envelope {EnvelopeId} failed")]
    public static partial void EnvelopeFailed(ILogger logger, Exception exception, string envelopeId);
}
