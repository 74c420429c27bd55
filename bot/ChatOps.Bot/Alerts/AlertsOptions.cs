namespace ChatOps.Bot.Alerts;

/// <summary><c>Alerts:*</c>: the monitoring sources that may post to <c>POST /api/alerts/{source}</c>.</summary>
public sealed class AlertsOptions
{
    public const string Section = "Alerts";

    /// <summary>Source name (the route's <c>{source}</c>) → its settings.</summary>
    public Dictionary<string, AlertSourceOptions> Sources { get; init; } = new(StringComparer.Ordinal);
}
