using Microsoft.Extensions.Logging;

namespace ChatOps.Core.Diagnostics;

/// <summary>
/// Log scope that puts the incident id and channel on every log line written inside it, as structured
/// attributes (the host exports scopes with OpenTelemetry logs). Never put secrets or tokens in a scope.
/// </summary>
public static class IncidentLogScope
{
    public static IDisposable? BeginIncidentScope(this ILogger logger, string? incidentId, string channel)
    {
        ArgumentNullException.ThrowIfNull(logger);
        var state = new Dictionary<string, object?>(2, StringComparer.Ordinal)
        {
            [ChatOpsDiagnostics.ChannelTag] = channel,
        };
        if (incidentId is not null)
        {
            state[ChatOpsDiagnostics.IncidentIdTag] = incidentId;
        }

        return logger.BeginScope(state);
    }
}
