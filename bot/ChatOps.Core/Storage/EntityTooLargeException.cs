namespace ChatOps.Core.Storage;

/// <summary>A value would exceed a storage limit; it is refused rather than truncated.</summary>
public sealed class EntityTooLargeException : Exception
{
    public EntityTooLargeException()
    {
    }

    public EntityTooLargeException(string message)
        : base(message)
    {
    }

    public EntityTooLargeException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
