namespace ChatOps.Bot.Alerts;

/// <summary>
/// One mapping rule, <c>Alerts:Sources:&lt;name&gt;:Rules:&lt;i&gt;:*</c>. Either <see cref="ResourceId"/> (a pattern over Azure
/// Monitor's <c>alertTargetIDs</c>, <c>*</c> and <c>?</c> wildcards, case-insensitive) or <see cref="Label"/> (an Alertmanager label,
/// e.g. <c>instance</c>, <c>service</c>, <c>host</c>, optionally with a <see cref="Match"/> pattern over its value).
/// <see cref="System"/> is the system name as the incident's patches list it; with a label rule it may be left out to take
/// the label's value (a <c>:port</c> suffix removed) as the system name.
/// </summary>
public sealed class AlertRuleOptions
{
    public string? ResourceId { get; set; }

    public string? Label { get; set; }

    public string? Match { get; set; }

    public string? System { get; set; }
}
