using Microsoft.IdentityModel.Tokens;

namespace ChatOps.Teams.Auth;

/// <summary>
/// Accepts exactly the configured issuer. JwtBearer would otherwise also accept whatever issuer the metadata
/// document names; Bot Framework tokens have one issuer (<c>https://api.botframework.com</c>).
/// </summary>
internal static class BotIssuerValidator
{
    public static IssuerValidator For(string expectedIssuer) => (issuer, _, _) =>
        string.Equals(issuer, expectedIssuer, StringComparison.Ordinal)
            ? issuer
            : throw new SecurityTokenInvalidIssuerException($"The token issuer is not '{expectedIssuer}'.") { InvalidIssuer = issuer };
}
