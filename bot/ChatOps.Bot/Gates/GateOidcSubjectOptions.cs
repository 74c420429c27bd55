namespace ChatOps.Bot.Gates;

/// <summary>
/// One subject mapping of an OIDC issuer: <c>sub</c> pattern (<c>*</c>, <c>?</c>), e.g.
/// <c>repo:contoso/web:environment:production</c> or <c>sc://contoso/web/prod-connection</c>, and its binding.
/// Subjects contain <c>:</c>, so they are values of a list, never configuration keys.
/// </summary>
public sealed class GateOidcSubjectOptions
{
    public string? Subject { get; set; }

    public string? TenantId { get; set; }

    public List<string> Incidents { get; set; } = [];

    public List<string> Patches { get; set; } = [];
}
