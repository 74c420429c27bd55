using Microsoft.AspNetCore.Authorization;

namespace ChatOps.Bot.Gates.Auth;

/// <summary>The request's tenant, incident and patch are inside the authenticated caller's <see cref="GateScope"/>.</summary>
public sealed class GateScopeRequirement : IAuthorizationRequirement;
