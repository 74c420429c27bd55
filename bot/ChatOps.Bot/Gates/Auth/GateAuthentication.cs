namespace ChatOps.Bot.Gates.Auth;

/// <summary>Names of the gate API's authentication schemes, policy and claims.</summary>
public static class GateAuthentication
{
    /// <summary>Static bearer tokens: <c>Gates:Token</c> and <c>Gates:Clients:*</c>.</summary>
    public const string TokenScheme = "GateToken";

    /// <summary>One JwtBearer scheme per <c>Gates:Oidc:&lt;name&gt;</c> issuer is named this plus the name.</summary>
    public const string OidcSchemePrefix = "GateOidc-";

    /// <summary>The policy on every <c>/api/gates</c> endpoint: authenticated, and the request inside the caller's binding.</summary>
    public const string PolicyName = "GateClient";

    public const string ClientClaim = "gate:client";

    public const string TenantClaim = "gate:tenant";

    public const string IncidentClaim = "gate:incident";

    public const string PatchClaim = "gate:patch";
}
