namespace ChatOps.Core.Playbooks;

/// <summary>A playbook file that cannot be used; the message names the file, the line and the problem.</summary>
public sealed class PlaybookException : Exception
{
    public PlaybookException()
    {
    }

    public PlaybookException(string message)
        : base(message)
    {
    }

    public PlaybookException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
