using Microsoft.AspNetCore.Authorization;

namespace ChatOps.Teams.Auth;

/// <summary>
/// The caller of <c>/api/messages</c> is the Bot Framework Connector (a validated token) or, only when no app id is
/// configured, the dev console on this machine in Development.
/// </summary>
internal sealed class BotCallerRequirement : IAuthorizationRequirement;
