namespace ChatOps.Slack.SocketMode;

/// <summary>A connection was lost (error, close without <c>disconnect</c>, missed ping); the slot reconnects with backoff.</summary>
public sealed class SocketModeLostException : Exception
{
    public SocketModeLostException()
    {
    }

    public SocketModeLostException(string message)
        : base(message)
    {
    }

    public SocketModeLostException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
