using OpenTelemetry;

namespace ChatOps.Bot.Telemetry;

/// <summary>
/// Sends a request without tracing it. For capability URLs (Slack <c>response_url</c>s and file upload URLs), whose
/// path is the credential: whoever reads it from a span in the telemetry backend could post as the bot. The handler
/// sits before the primary handler, which starts the HttpClient span, so that span is never recorded.
/// </summary>
internal sealed class CapabilityUrlHandler : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        using var scope = SuppressInstrumentationScope.Begin();
        return await base.SendAsync(request, cancellationToken);
    }
}
