namespace ChatOps.Slack.Wire;

/// <summary>A signed request whose body is not the Slack payload it should be (answered with 400).</summary>
public sealed class SlackPayloadException : Exception
{
    public SlackPayloadException()
    {
    }

    public SlackPayloadException(string message)
        : base(message)
    {
    }

    public SlackPayloadException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
