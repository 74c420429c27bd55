namespace ChatOps.Core.Storage;

/// <summary>A key component cannot be stored (too long after escaping, or empty).</summary>
public sealed class InvalidKeyException : Exception
{
    public InvalidKeyException()
    {
    }

    public InvalidKeyException(string message)
        : base(message)
    {
    }

    public InvalidKeyException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
