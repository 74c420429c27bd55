using System.Net;

namespace ChatOps.Slack.Api;

/// <summary>A Web API call that Slack answered with <c>ok:false</c> (or a non-2xx status): carries Slack's error code.</summary>
public sealed class SlackApiException : Exception
{
    public SlackApiException()
    {
        Method = string.Empty;
        ErrorCode = "unknown_error";
    }

    public SlackApiException(string message)
        : base(message)
    {
        Method = string.Empty;
        ErrorCode = "unknown_error";
    }

    public SlackApiException(string message, Exception innerException)
        : base(message, innerException)
    {
        Method = string.Empty;
        ErrorCode = "unknown_error";
    }

    public SlackApiException(string method, string errorCode, HttpStatusCode? status = null)
        : base($"Slack {method} failed: {errorCode}")
    {
        Method = method;
        ErrorCode = errorCode;
        Status = status;
    }

    /// <summary>The Web API method, e.g. <c>chat.postMessage</c>.</summary>
    public string Method { get; }

    /// <summary>Slack's <c>error</c> (e.g. <c>channel_not_found</c>, <c>ratelimited</c>), or <c>http_NNN</c>.</summary>
    public string ErrorCode { get; }

    public HttpStatusCode? Status { get; }

    /// <summary>The answer's <c>Retry-After</c> (429 after the retries ran out), when it had one.</summary>
    public TimeSpan? RetryAfter { get; init; }
}
