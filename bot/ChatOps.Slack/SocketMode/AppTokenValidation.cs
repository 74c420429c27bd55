using Microsoft.Extensions.Options;

namespace ChatOps.Slack.SocketMode;

/// <summary>
/// Start-up check of <c>Slack:AppToken</c>: an app-level token starts with <c>xapp-</c> (a bot token <c>xoxb-</c> pasted
/// there is the usual mistake). Runs with ValidateOnStart, so a wrong token stops the host before it serves.
/// </summary>
public sealed class AppTokenValidation : IValidateOptions<SlackOptions>
{
    public const string Prefix = "xapp-";

    public ValidateOptionsResult Validate(string? name, SlackOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return string.IsNullOrEmpty(options.AppToken) || options.AppToken.StartsWith(Prefix, StringComparison.Ordinal)
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail(
                $"Slack:AppToken must be an app-level token starting with '{Prefix}' (Slack app -> Basic Information -> App-Level Tokens, "
                + "scope connections:write); it does not. Remove it to use request URLs instead of Socket Mode.");
    }
}
