using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ChatOps.Slack.SocketMode;

/// <summary>Ready when Socket Mode is off or at least one socket is open; not ready while none is, or after it stopped.</summary>
public sealed class SocketModeHealthCheck(SocketModeState state) : IHealthCheck
{
    public const string Name = "slack-socket-mode";

    /// <summary>Tag of the checks <c>/readyz</c> runs (ChatOps.Bot's HealthEndpoints.ReadyTag).</summary>
    public const string ReadyTag = "ready";

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var result = state switch
        {
            { Enabled: false } => HealthCheckResult.Healthy("Slack Socket Mode is off"),
            { StoppedReason: { } reason } => HealthCheckResult.Unhealthy($"Slack Socket Mode stopped: {reason}"),
            { OpenConnections: 0 } => HealthCheckResult.Unhealthy("Slack Socket Mode has no open connection"),
            _ => HealthCheckResult.Healthy($"Slack Socket Mode: {state.OpenConnections} connection(s) open"),
        };
        return Task.FromResult(result);
    }
}
