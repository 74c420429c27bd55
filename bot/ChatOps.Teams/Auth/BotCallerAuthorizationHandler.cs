using ChatOps.Teams.Options;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace ChatOps.Teams.Auth;

/// <summary>Decides <see cref="BotCallerRequirement"/>; the environment is read at run time from DI.</summary>
internal sealed class BotCallerAuthorizationHandler(
    IOptions<BotFrameworkOptions> botOptions,
    IHostEnvironment environment) : AuthorizationHandler<BotCallerRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, BotCallerRequirement requirement)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (botOptions.Value.HasAppId)
        {
            if (context.User.Identity?.IsAuthenticated == true)
                context.Succeed(requirement);
        }
        else if (environment.IsDevelopment() && context.Resource is HttpContext http && LocalRequest.IsLocal(http))
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }
}
