namespace ChatOps.Bot.Alerts;

/// <summary>A payload that is not JSON or not the source's documented schema; the message says what is wrong (answered as 400).</summary>
public sealed class AlertPayloadException : Exception
{
    public AlertPayloadException()
    {
    }

    public AlertPayloadException(string message)
        : base(message)
    {
    }

    public AlertPayloadException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
