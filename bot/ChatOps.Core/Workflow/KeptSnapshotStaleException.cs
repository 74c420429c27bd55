namespace ChatOps.Core.Workflow;

/// <summary>
/// A command was routed on this process's kept snapshot of its incident (no dialog waiting in the conversation, known
/// without a read), and the incident turned out to have moved on: nothing was decided or recorded, and the dispatcher
/// routes the command again on what storage holds.
/// </summary>
public sealed class KeptSnapshotStaleException : Exception
{
    public KeptSnapshotStaleException()
        : base("The kept snapshot this command was routed on is out of date.")
    {
    }

    public KeptSnapshotStaleException(string message)
        : base(message)
    {
    }

    public KeptSnapshotStaleException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
