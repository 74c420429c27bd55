namespace ChatOps.Core.Storage;

/// <summary>Storage could not be reached or answered with a server error; nothing was written.</summary>
public sealed class StorageUnavailableException : Exception
{
    public StorageUnavailableException()
        : base("Storage is unavailable.")
    {
    }

    public StorageUnavailableException(string message)
        : base(message)
    {
    }

    public StorageUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
