using ChatOps.Bot.Gates.Auth;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace ChatOps.Bot.Gates;

public static class GatesServiceCollectionExtensions
{
    /// <summary>
    /// Options, the static-token scheme, one JwtBearer scheme per configured OIDC issuer, and the policy that requires
    /// one of them plus a request inside the caller's binding.
    /// </summary>
    public static IServiceCollection AddGates(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection(GatesOptions.Section);
        services.AddOptions<GatesOptions>().Bind(section).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<GatesOptions>, GatesOptionsValidator>());

        var authentication = services.AddAuthentication()
            .AddScheme<AuthenticationSchemeOptions, GateTokenAuthenticationHandler>(GateAuthentication.TokenScheme, _ => { });
        // Scheme names must be known when the schemes are added, so the issuers are read from configuration here.
        var oidcSchemes = section.GetSection(nameof(GatesOptions.Oidc)).GetChildren()
            .Select(issuer => GateAuthentication.OidcSchemePrefix + issuer.Key).ToList();
        foreach (var scheme in oidcSchemes)
        {
            authentication.AddJwtBearer(scheme, _ => { });
        }

        services.TryAddEnumerable(ServiceDescriptor.Singleton<IConfigureOptions<JwtBearerOptions>, ConfigureGateOidcJwtBearer>());
        services.AddAuthorizationBuilder().AddPolicy(GateAuthentication.PolicyName, policy => policy
            // The static-token scheme is challenged last: it writes the 401 body after JwtBearer has set its header.
            .AddAuthenticationSchemes([.. oidcSchemes, GateAuthentication.TokenScheme])
            .RequireAuthenticatedUser()
            .AddRequirements(new GateScopeRequirement()));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IAuthorizationHandler, GateScopeAuthorizationHandler>());
        return services;
    }
}
