using Microsoft.AspNetCore.Authorization;

namespace ChatOps.Bot.Gates.Auth;

/// <summary>
/// Checks the route's incident and patch and the optional <c>?tenant=</c> against the caller's binding before the
/// endpoint runs, so a request outside it is 403 without any storage lookup (and says nothing about what exists).
/// </summary>
internal sealed class GateScopeAuthorizationHandler : AuthorizationHandler<GateScopeRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, GateScopeRequirement requirement)
    {
        if (context.Resource is HttpContext http && GateScope.From(context.User) is { } scope && Allows(http, scope))
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }

    private static bool Allows(HttpContext http, GateScope scope)
    {
        var tenants = http.Request.Query["tenant"];
        if (tenants.Count > 1)
        {
            return false;
        }

        var tenant = tenants.Count == 1 && !string.IsNullOrEmpty(tenants[0]) ? tenants[0]! : scope.TenantId;
        return http.Request.RouteValues["incident"] is string incident
            && http.Request.RouteValues["patchId"] is string patch
            && scope.Allows(tenant, incident, patch);
    }
}
