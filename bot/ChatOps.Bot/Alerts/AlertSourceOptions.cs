namespace ChatOps.Bot.Alerts;

/// <summary>
/// <c>Alerts:Sources:&lt;name&gt;:*</c>: one monitoring source, as a gate client is configured: only the SHA-256 of its token,
/// one tenant, and the rules that turn its alert facts into system names.
/// </summary>
public sealed class AlertSourceOptions
{
    public AlertSourceKind? Kind { get; set; }

    /// <summary>Hex SHA-256 of the UTF-8 token (<c>printf %s "$token" | sha256sum</c>), so settings never hold a usable token.</summary>
    public string? TokenSha256 { get; set; }

    /// <summary>The one tenant (Teams tenant id or Slack team id) whose active incidents this source's alerts reach.</summary>
    public string? TenantId { get; set; }

    /// <summary>Tried in order; the first rule that matches a fact names the system.</summary>
    public List<AlertRuleOptions> Rules { get; init; } = [];
}
