namespace ChatOps.Slack.SocketMode;

/// <summary>Why a connection stopped serving: Slack asked for a new one, Slack disabled the link, or the socket failed.</summary>
/// <param name="Kind">What happened.</param>
/// <param name="Reason">Slack's <c>disconnect</c> reason or the failure, for logs and metrics.</param>
public sealed record SocketModeEnd(SocketModeEndKind Kind, string Reason);
