namespace ChatOps.Core.Storage;

/// <summary>The change's delivery had already been applied to this incident (see <see cref="IncidentCommit.DeliveryKey"/>); nothing was written.</summary>
public sealed class DuplicateDeliveryException : Exception
{
    public DuplicateDeliveryException()
        : this("This delivery was already applied to the incident.")
    {
    }

    public DuplicateDeliveryException(string message)
        : base(message)
    {
    }

    public DuplicateDeliveryException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
