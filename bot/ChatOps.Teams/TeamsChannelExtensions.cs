using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ChatOps.Teams;

/// <summary>Registers the Teams (Bot Framework) channel: auth scheme, activity handling, connector client.</summary>
public static class TeamsChannelExtensions
{
    public static IServiceCollection AddTeamsChannel(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return services;
    }

    public static RouteGroupBuilder MapTeamsEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/messages");
        return group;
    }
}
