namespace ChatOps.Bot.Alerts;

/// <summary>The payload a source posts: Azure Monitor's common alert schema, or Prometheus Alertmanager's webhook (version 4).</summary>
public enum AlertSourceKind
{
    AzureMonitor,
    Alertmanager,
}
