using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.IdentityModel.JsonWebTokens;

namespace ChatOps.Teams.Auth;

/// <summary>The JwtBearer events that consult and fill <see cref="ValidatedTokenCache"/>.</summary>
internal static class ValidatedTokens
{
    private const string BearerPrefix = "Bearer ";

    /// <summary>A token validated before (byte for byte, not expired) authenticates without a second signature check.</summary>
    public static Task ReuseAsync(MessageReceivedContext context, ValidatedTokenCache tokens)
    {
        var header = context.Request.Headers.Authorization.ToString();
        if (header.StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase)
            && tokens.Find(header[BearerPrefix.Length..].Trim()) is { } principal)
        {
            context.Principal = principal;
            context.Success();
        }

        return Task.CompletedTask;
    }

    /// <summary>After full validation (and the endorsement claims), the principal is kept until the token's <c>exp</c>.</summary>
    public static void Keep(TokenValidatedContext context, ValidatedTokenCache tokens)
    {
        if (context.SecurityToken is JsonWebToken { EncodedToken: { } encoded } token && context.Principal is { } principal)
            tokens.Add(encoded, principal, new DateTimeOffset(token.ValidTo, TimeSpan.Zero));
    }
}
