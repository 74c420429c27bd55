using ChatOps.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatOps.Slack.Signing;

/// <summary>
/// Endpoint filter that authenticates every Slack request before anything parses it: checks that the signature headers
/// are present and the timestamp fresh, then reads the raw body
/// (at most <see cref="SlackOptions.MaxBodyBytes"/>), checks the signature and the timestamp window, and
/// answers 401 otherwise. Oversized bodies get 413 without being read past the limit or parsed (Slack documents no
/// status for them; 413 is what HTTP names).
/// </summary>
public sealed class SlackSignatureFilter(
    IOptionsMonitor<SlackOptions> options,
    TimeProvider timeProvider,
    ILogger<SlackSignatureFilter> logger) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var http = context.HttpContext;
        var secret = options.CurrentValue.SigningSecret;
        if (string.IsNullOrEmpty(secret))
        {
            return Refuse(http, SignatureCheck.NoSecretConfigured);
        }

        // Headers first: a request without a fresh, well-formed signature is refused before its body is buffered.
        var headers = SlackSignatureVerifier.CheckHeaders(
            http.Request.Headers[SlackSignatureVerifier.TimestampHeader],
            http.Request.Headers[SlackSignatureVerifier.SignatureHeader],
            timeProvider.GetUtcNow());
        if (headers != SignatureCheck.Valid)
        {
            return Refuse(http, headers);
        }

        var body = await ReadBodyAsync(http.Request, http.RequestAborted);
        if (body is null)
        {
            // Too large to verify without reading past the limit: 413 (RFC 9110 §15.5.14), and nothing is parsed.
            Log.SlackRequestRefused(logger, http.Request.Path, SignatureCheck.BodyTooLarge);
            return TypedResults.Problem($"A Slack request body is at most {SlackOptions.MaxBodyBytes} bytes.", statusCode: StatusCodes.Status413PayloadTooLarge);
        }

        var check = SlackSignatureVerifier.Verify(
            secret,
            http.Request.Headers[SlackSignatureVerifier.TimestampHeader],
            http.Request.Headers[SlackSignatureVerifier.SignatureHeader],
            body,
            timeProvider.GetUtcNow());
        if (check != SignatureCheck.Valid)
        {
            return Refuse(http, check);
        }

        http.Features.Set(new SlackRequestBody(body));
        return await next(context);
    }

    /// <summary>The whole body, or null when it is larger than the limit (the rest is never read).</summary>
    private static async Task<byte[]?> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        request.EnableBuffering(SlackOptions.MaxBodyBytes);
        var body = await InboundBody.ReadAsync(request.Body, request.ContentLength, SlackOptions.MaxBodyBytes, cancellationToken);
        request.Body.Position = 0;
        return body;
    }

    private IResult Refuse(HttpContext http, SignatureCheck check)
    {
        Log.SlackRequestRefused(logger, http.Request.Path, check);
        return TypedResults.Unauthorized();
    }
}
