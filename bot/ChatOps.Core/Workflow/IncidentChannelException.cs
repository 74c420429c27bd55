namespace ChatOps.Core.Workflow;

/// <summary>
/// The platform could not create (or finish) the incident channel. The message is shown to people as is: it says what
/// failed and, for a missing permission, what an admin must grant. The incident is then declared where it was typed.
/// </summary>
public sealed class IncidentChannelException : Exception
{
    public IncidentChannelException()
    {
    }

    public IncidentChannelException(string message)
        : base(message)
    {
    }

    public IncidentChannelException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
