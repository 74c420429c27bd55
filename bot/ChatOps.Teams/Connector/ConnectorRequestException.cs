using System.Net;

namespace ChatOps.Teams.Connector;

/// <summary>The Connector refused a call (after retries); carries the status and the start of the answer.</summary>
public sealed class ConnectorRequestException : Exception
{
    public ConnectorRequestException()
    {
    }

    public ConnectorRequestException(string message)
        : base(message)
    {
    }

    public ConnectorRequestException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public ConnectorRequestException(HttpStatusCode status, string message)
        : base(message)
    {
        Status = status;
    }

    public HttpStatusCode Status { get; }

    /// <summary>The answer's <c>Retry-After</c> (429, 503), when it had one.</summary>
    public TimeSpan? RetryAfter { get; init; }
}
