using System.Net;

namespace ChatOps.Teams.Graph;

/// <summary>Microsoft Graph refused a call (after retries): the status, Graph's error code and message.</summary>
public sealed class GraphRequestException : Exception
{
    public GraphRequestException()
    {
    }

    public GraphRequestException(string message)
        : base(message)
    {
    }

    public GraphRequestException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public GraphRequestException(HttpStatusCode status, string? code, string message)
        : base(message)
    {
        Status = status;
        Code = code;
    }

    public HttpStatusCode Status { get; }

    /// <summary>Graph's <c>error.code</c>, e.g. <c>Forbidden</c>, <c>NameAlreadyExists</c>.</summary>
    public string? Code { get; }

    public TimeSpan? RetryAfter { get; init; }
}
