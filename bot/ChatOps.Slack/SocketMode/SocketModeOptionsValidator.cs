using Microsoft.Extensions.Options;

namespace ChatOps.Slack.SocketMode;

/// <summary>Start-up check of <c>Slack:SocketMode:*</c>; each message names the key.</summary>
public sealed class SocketModeOptionsValidator : IValidateOptions<SocketModeOptions>
{
    /// <summary>Slack allows up to ten open Socket Mode connections per app.</summary>
    public const int MaxConnections = 10;

    public ValidateOptionsResult Validate(string? name, SocketModeOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (options.Connections is < 1 or > MaxConnections)
            failures.Add($"Slack:SocketMode:Connections must be between 1 and {MaxConnections}.");
        foreach (var (key, value) in new[]
        {
            ("PingInterval", options.PingInterval),
            ("PingTimeout", options.PingTimeout),
            ("HelloTimeout", options.HelloTimeout),
            ("ReconnectDelay", options.ReconnectDelay),
            ("StartupCheckTimeout", options.StartupCheckTimeout),
        })
        {
            if (value <= TimeSpan.Zero)
                failures.Add($"Slack:SocketMode:{key} must be a positive time span.");
        }

        if (options.DisconnectGrace < TimeSpan.Zero)
            failures.Add("Slack:SocketMode:DisconnectGrace must not be negative.");
        if (options.MaxReconnectDelay < options.ReconnectDelay)
            failures.Add("Slack:SocketMode:MaxReconnectDelay must be at least Slack:SocketMode:ReconnectDelay.");
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
