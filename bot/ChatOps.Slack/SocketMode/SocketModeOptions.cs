namespace ChatOps.Slack.SocketMode;

/// <summary>Configuration section <c>Slack:SocketMode</c>: tuning of the Socket Mode client (on when <c>Slack:AppToken</c> is set).</summary>
public sealed class SocketModeOptions
{
    public const string SectionName = "Slack:SocketMode";

    /// <summary>
    /// Connections kept open at once. Slack spreads deliveries over all of them (up to 10 per app), so with two a
    /// refresh or a lost socket never leaves the bot deaf while the other is replaced.
    /// </summary>
    public int Connections { get; set; } = 2;

    /// <summary>How often the client pings Slack (a WebSocket PING frame).</summary>
    public TimeSpan PingInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>A ping without a pong within this time aborts the socket (a half-open connection), which is then replaced.</summary>
    public TimeSpan PingTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Time Slack has to say <c>hello</c> after the WebSocket opens.</summary>
    public TimeSpan HelloTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>After a <c>disconnect</c> the old socket keeps delivering while its replacement opens; it is closed after this.</summary>
    public TimeSpan DisconnectGrace { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>First reconnect delay after a failure; doubles (with jitter) per failed attempt up to <see cref="MaxReconnectDelay"/>.</summary>
    public TimeSpan ReconnectDelay { get; set; } = TimeSpan.FromSeconds(1);

    public TimeSpan MaxReconnectDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long start-up waits for Slack to accept the app token before carrying on and retrying in the background.</summary>
    public TimeSpan StartupCheckTimeout { get; set; } = TimeSpan.FromSeconds(10);
}
