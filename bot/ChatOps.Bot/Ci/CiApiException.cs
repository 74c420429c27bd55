using System.Net;

namespace ChatOps.Bot.Ci;

/// <summary>A CI API answered with an error (after the retries) or with something that is not the documented shape.</summary>
internal sealed class CiApiException(string message, HttpStatusCode? status = null) : Exception(message)
{
    public HttpStatusCode? Status { get; } = status;
}
