namespace ChatOps.Core.Inbound;

/// <summary>A channel could not deliver a reply (refused, unreachable, no token); the channel's own error is inside.</summary>
public sealed class ReplyNotDeliveredException : Exception
{
    public ReplyNotDeliveredException()
    {
    }

    public ReplyNotDeliveredException(string message)
        : base(message)
    {
    }

    public ReplyNotDeliveredException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
