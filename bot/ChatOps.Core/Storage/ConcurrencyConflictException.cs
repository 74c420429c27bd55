namespace ChatOps.Core.Storage;

/// <summary>The incident changed since it was read (optimistic concurrency lost).</summary>
public sealed class ConcurrencyConflictException : Exception
{
    public ConcurrencyConflictException()
        : base("The incident was changed by someone else at the same time.")
    {
    }

    public ConcurrencyConflictException(string message)
        : base(message)
    {
    }

    public ConcurrencyConflictException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
