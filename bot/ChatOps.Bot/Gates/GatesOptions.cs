namespace ChatOps.Bot.Gates;

/// <summary><c>Gates:*</c>: the pipeline gate API's shared token and the tenant its incidents belong to.</summary>
public sealed class GatesOptions
{
    public const string Section = "Gates";

    /// <summary>Bearer token pipelines send. Without one, the gate API refuses every request.</summary>
    public string? Token { get; set; }

    /// <summary>Tenant (Teams tenant id or Slack team id) used when a request does not name one with <c>?tenant=</c>.</summary>
    public string? TenantId { get; set; }
}
