using System.Security.Claims;

namespace ChatOps.Bot.Gates.Auth;

/// <summary>
/// What one authenticated gate caller may act on: exactly one tenant, and incident and patch patterns (empty: any).
/// Carried as claims from the authentication scheme to <see cref="GateScopeAuthorizationHandler"/> and the endpoints.
/// </summary>
public sealed record GateScope(string Client, string TenantId, IReadOnlyList<string> Incidents, IReadOnlyList<string> Patches)
{
    public bool Allows(string tenantId, string incidentId, string patchId) =>
        string.Equals(tenantId, TenantId, StringComparison.Ordinal)
        && GatePattern.AnyMatches(Incidents, incidentId)
        && GatePattern.AnyMatches(Patches, patchId);

    public ClaimsIdentity ToIdentity(string authenticationType, IEnumerable<Claim>? more = null)
    {
        var claims = new List<Claim> { new(GateAuthentication.ClientClaim, Client), new(GateAuthentication.TenantClaim, TenantId) };
        claims.AddRange(Incidents.Select(p => new Claim(GateAuthentication.IncidentClaim, p)));
        claims.AddRange(Patches.Select(p => new Claim(GateAuthentication.PatchClaim, p)));
        claims.AddRange(more ?? []);
        return new ClaimsIdentity(claims, authenticationType, GateAuthentication.ClientClaim, null);
    }

    /// <summary>The scope of the first gate identity of <paramref name="user"/>, or null when it has none.</summary>
    public static GateScope? From(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var identity = user.Identities.FirstOrDefault(i => i.IsAuthenticated && i.HasClaim(c => c.Type == GateAuthentication.TenantClaim));
        if (identity is null)
        {
            return null;
        }

        return new GateScope(
            identity.FindFirst(GateAuthentication.ClientClaim)?.Value ?? "",
            identity.FindFirst(GateAuthentication.TenantClaim)!.Value,
            identity.FindAll(GateAuthentication.IncidentClaim).Select(c => c.Value).ToList(),
            identity.FindAll(GateAuthentication.PatchClaim).Select(c => c.Value).ToList());
    }
}
