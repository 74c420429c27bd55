using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace ChatOps.Bot.Security;

/// <summary>Start-up checks of the secrets the host was given (<see cref="SecretSettingsValidator"/>).</summary>
public static class SecurityServiceCollectionExtensions
{
    public static IServiceCollection AddSecretChecks(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SecretSettings>().Configure(settings => settings.Load(configuration)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SecretSettings>, SecretSettingsValidator>());
        return services;
    }
}
