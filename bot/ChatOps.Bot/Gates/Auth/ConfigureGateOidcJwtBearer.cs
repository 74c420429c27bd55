using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace ChatOps.Bot.Gates.Auth;

/// <summary>
/// Sets up one JwtBearer scheme per <c>Gates:Oidc:&lt;name&gt;</c> issuer: the issuer's OpenID metadata and JWKS
/// (fetched and refreshed by JwtBearer, keys rotated on an unknown <c>kid</c>), exact issuer, the configured audiences,
/// RS256, a required expiry. After validation the token's <c>sub</c> must match a configured subject, which becomes
/// the caller's binding; any other subject is refused.
/// </summary>
internal sealed class ConfigureGateOidcJwtBearer(IOptions<GatesOptions> gates) : IConfigureNamedOptions<JwtBearerOptions>
{
    public static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(2);

    public void Configure(string? name, JwtBearerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (name is null || !name.StartsWith(GateAuthentication.OidcSchemePrefix, StringComparison.Ordinal)
            || !gates.Value.Oidc.TryGetValue(name[GateAuthentication.OidcSchemePrefix.Length..], out var issuer) || issuer.Issuer is null)
        {
            return;
        }

        options.MetadataAddress = issuer.MetadataAddress ?? issuer.Issuer.TrimEnd('/') + "/.well-known/openid-configuration";
        options.RequireHttpsMetadata = issuer.RequireHttpsMetadata;
        options.RefreshOnIssuerKeyNotFound = true;
        options.MapInboundClaims = false;
        options.SaveToken = false;
        // The reason a token failed stays in the server's log; a caller learns only that it was refused.
        options.IncludeErrorDetails = false;
        options.TokenValidationParameters = new TokenValidationParameters
        {
            ValidateIssuer = true,
            ValidIssuer = issuer.Issuer,
            ValidateAudience = true,
            ValidAudiences = issuer.Audiences,
            ValidateLifetime = true,
            RequireExpirationTime = true,
            RequireSignedTokens = true,
            ValidateIssuerSigningKey = true,
            ValidAlgorithms = [SecurityAlgorithms.RsaSha256],
            ClockSkew = ClockSkew,
        };
        var schemeName = name;
        options.Events = new JwtBearerEvents
        {
            OnTokenValidated = context =>
            {
                var subject = context.Principal?.FindFirst("sub")?.Value;
                var mapping = subject is null ? null : issuer.Subjects.FirstOrDefault(s => s.Subject is not null && GatePattern.Matches(s.Subject, subject, ignoreCase: false));
                if (mapping?.TenantId is not { Length: > 0 } tenant)
                {
                    context.Fail("The token's subject is not mapped to a gate binding.");
                    return Task.CompletedTask;
                }

                var scope = new GateScope(schemeName, tenant, mapping.Incidents, mapping.Patches);
                context.Principal = new ClaimsPrincipal(scope.ToIdentity(schemeName, [new Claim("sub", subject!)]));
                return Task.CompletedTask;
            },
        };
    }

    public void Configure(JwtBearerOptions options) => Configure(Options.DefaultName, options);
}
