using ChatOps.Bot.Gates.Auth;

namespace ChatOps.Bot.Alerts;

/// <summary>
/// Names the systems an alert is about, by the source's rules in order: a resource-id pattern over the alert's targets, or a
/// label (with an optional pattern over its value). Matching is GatePattern's linear wildcard match, so a hostile label
/// cannot make it slow.
/// </summary>
public static class AlertSystemRules
{
    public static IReadOnlyList<string> Systems(IReadOnlyList<AlertRuleOptions> rules, ParsedAlert alert)
    {
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(alert);
        var systems = new List<string>();
        foreach (var rule in rules)
        {
            if (Match(rule, alert) is { Length: > 0 } system && !systems.Contains(system, StringComparer.OrdinalIgnoreCase))
            {
                systems.Add(system);
            }
        }

        return systems;
    }

    private static string? Match(AlertRuleOptions rule, ParsedAlert alert)
    {
        if (!string.IsNullOrWhiteSpace(rule.ResourceId))
        {
            return alert.ResourceIds.Any(id => GatePattern.Matches(rule.ResourceId, id)) ? rule.System : null;
        }

        if (rule.Label is null || !alert.Labels.TryGetValue(rule.Label, out var value) || (rule.Match is { } pattern && !GatePattern.Matches(pattern, value)))
        {
            return null;
        }

        return string.IsNullOrWhiteSpace(rule.System) ? WithoutPort(value) : rule.System;
    }

    // Prometheus' instance label is host:port; the system is the host.
    private static string WithoutPort(string value)
    {
        var colon = value.LastIndexOf(':');
        return colon > 0 && colon < value.Length - 1 && value.AsSpan(colon + 1).IndexOfAnyExceptInRange('0', '9') < 0 ? value[..colon] : value;
    }
}
