namespace ChatOps.Core.Decisions;

public sealed class UnknownEventKindException : Exception
{
    public UnknownEventKindException(string kind)
        : base($"Unknown decision record kind '{kind}'.") => Kind = kind;

    public UnknownEventKindException()
    {
    }

    public UnknownEventKindException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public string Kind { get; } = "";
}
