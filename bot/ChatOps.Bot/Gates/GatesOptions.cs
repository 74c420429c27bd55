namespace ChatOps.Bot.Gates;

/// <summary>
/// <c>Gates:*</c>: who may use the pipeline gate API, and for what. Every caller is bound to one tenant and optionally
/// to incident and patch patterns: the single <c>Gates:Token</c> (with <c>Gates:TenantId</c>), named clients whose
/// tokens are kept only as SHA-256 hashes, and workload-identity (OIDC) issuers whose subjects map to a binding.
/// </summary>
public sealed class GatesOptions
{
    public const string Section = "Gates";

    /// <summary>Bearer token of the default client. Requires <see cref="TenantId"/>. Without any client, every request is refused.</summary>
    public string? Token { get; set; }

    /// <summary>The one tenant (Teams tenant id or Slack team id) <see cref="Token"/> may act for.</summary>
    public string? TenantId { get; set; }

    /// <summary>Incident ids <see cref="Token"/> may act on (<c>*</c> and <c>?</c> wildcards); empty: any of its tenant.</summary>
    public List<string> Incidents { get; set; } = [];

    /// <summary>Patch ids <see cref="Token"/> may act on (<c>*</c> and <c>?</c> wildcards); empty: any.</summary>
    public List<string> Patches { get; set; } = [];

    /// <summary><c>Gates:Clients:&lt;name&gt;:*</c>: more static-token clients, each with its own binding.</summary>
    public Dictionary<string, GateClientOptions> Clients { get; set; } = new(StringComparer.Ordinal);

    /// <summary><c>Gates:Oidc:&lt;name&gt;:*</c>: workload-identity issuers (GitHub Actions, Azure DevOps) whose tokens are accepted.</summary>
    public Dictionary<string, GateOidcIssuerOptions> Oidc { get; set; } = new(StringComparer.Ordinal);
}
