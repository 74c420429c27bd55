using ChatOps.Slack.Api;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace ChatOps.Slack.SocketMode;

/// <summary>Registers Socket Mode: always present, idle unless <c>Slack:AppToken</c> is set.</summary>
public static class SocketModeServiceCollectionExtensions
{
    public static IServiceCollection AddSlackSocketMode(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<SocketModeOptions>().Bind(configuration.GetSection(SocketModeOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SocketModeOptions>, SocketModeOptionsValidator>());
        services.AddOptions<SlackOptions>().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SlackOptions>, AppTokenValidation>());
        services.AddTransient<AppsApi>();
        services.AddSingleton<SocketModeState>();
        services.AddSingleton<SocketModeEnvelopeHandler>();
        services.AddHostedService<SlackSocketModeService>();
        services.AddHealthChecks().AddCheck<SocketModeHealthCheck>(SocketModeHealthCheck.Name, tags: [SocketModeHealthCheck.ReadyTag]);
        return services;
    }
}
