namespace ChatOps.Slack.SocketMode;

public enum SocketModeEndKind
{
    /// <summary><c>disconnect</c> with <c>refresh_requested</c>, <c>warning</c> or another routine reason: replace at once.</summary>
    Refresh,

    /// <summary><c>disconnect</c> with <c>link_disabled</c>: Socket Mode was turned off for the app; do not reconnect.</summary>
    LinkDisabled,

    /// <summary>Closed without a <c>disconnect</c>, a socket error, or a missed ping: replace with backoff.</summary>
    Lost,
}
