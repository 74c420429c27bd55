using Microsoft.Extensions.Options;

namespace ChatOps.Bot.Alerts;

/// <summary>Start-up check of <c>Alerts:*</c>, naming each wrong setting.</summary>
internal sealed class AlertsOptionsValidator : IValidateOptions<AlertsOptions>
{
    public ValidateOptionsResult Validate(string? name, AlertsOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = new List<string>();
        foreach (var (source, settings) in options.Sources)
        {
            var prefix = $"Alerts:Sources:{source}";
            if (!AlertEndpoints.IsSourceName(source))
            {
                problems.Add($"{prefix}: a source name is 1 to 64 letters, digits, '-' or '_' (it is the last segment of /api/alerts/{{source}}).");
            }

            if (settings.Kind is null)
            {
                problems.Add($"{prefix}:Kind must be AzureMonitor or Alertmanager.");
            }

            if (settings.TokenSha256 is not { Length: 64 } hash || !hash.All(char.IsAsciiHexDigit))
            {
                problems.Add($"{prefix}:TokenSha256 must be the 64 hex digits of the token's SHA-256.");
            }

            if (string.IsNullOrWhiteSpace(settings.TenantId))
            {
                problems.Add($"{prefix}:TenantId is required: every alert source is bound to one tenant.");
            }

            if (settings.Rules.Count == 0)
            {
                problems.Add($"{prefix}:Rules must map at least one resource id or label to a system.");
            }

            for (var i = 0; i < settings.Rules.Count; i++)
            {
                var rule = settings.Rules[i];
                var hasResource = !string.IsNullOrWhiteSpace(rule.ResourceId);
                var hasLabel = !string.IsNullOrWhiteSpace(rule.Label);
                if (hasResource == hasLabel)
                {
                    problems.Add($"{prefix}:Rules:{i} needs exactly one of ResourceId and Label.");
                }
                else if (hasResource && string.IsNullOrWhiteSpace(rule.System))
                {
                    problems.Add($"{prefix}:Rules:{i}:System is required with ResourceId.");
                }
                else if (hasResource && settings.Kind == AlertSourceKind.Alertmanager)
                {
                    problems.Add($"{prefix}:Rules:{i}: Alertmanager alerts carry labels, not resource ids; use Label.");
                }
            }
        }

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
