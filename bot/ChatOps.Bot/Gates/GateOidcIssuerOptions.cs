namespace ChatOps.Bot.Gates;

/// <summary>
/// <c>Gates:Oidc:&lt;name&gt;:*</c>: a workload-identity issuer, e.g. GitHub Actions
/// (<c>https://token.actions.githubusercontent.com</c>) or Azure DevOps (<c>https://vstoken.dev.azure.com/{organization id}</c>).
/// Its signing keys come from its OpenID metadata (JWKS) through JwtBearer; a token is accepted only when its subject
/// matches one of <see cref="Subjects"/>, which says which tenant, incidents and patches it may act on.
/// </summary>
public sealed class GateOidcIssuerOptions
{
    /// <summary>The exact <c>iss</c> of the tokens.</summary>
    public string? Issuer { get; set; }

    /// <summary>Accepted <c>aud</c> values (GitHub: what the workflow asks for; Azure DevOps: <c>api://AzureADTokenExchange</c>).</summary>
    public List<string> Audiences { get; set; } = [];

    /// <summary>OpenID metadata document; default <c>{Issuer}/.well-known/openid-configuration</c>. Tests point it at a local issuer.</summary>
    public string? MetadataAddress { get; set; }

    /// <summary>Off only for a local test issuer on http.</summary>
    public bool RequireHttpsMetadata { get; set; } = true;

    /// <summary>Subject patterns and what each may do; a token whose <c>sub</c> matches none is refused (401).</summary>
    public List<GateOidcSubjectOptions> Subjects { get; set; } = [];
}
