namespace ChatOps.Slack.SocketMode;

/// <summary>Socket Mode cannot go on (link disabled, token refused): reconnecting would only loop.</summary>
public sealed class SocketModeStoppedException : Exception
{
    public SocketModeStoppedException()
    {
    }

    public SocketModeStoppedException(string message)
        : base(message)
    {
    }

    public SocketModeStoppedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
