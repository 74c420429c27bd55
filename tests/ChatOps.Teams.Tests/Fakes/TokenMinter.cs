using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace ChatOps.Teams.Tests.Fakes;

/// <summary>Mints Connector -> bot tokens the way Bot Framework shapes them.</summary>
public static class TokenMinter
{
    public const string BotFrameworkIssuer = "https://api.botframework.com";

    public static string Mint(
        SigningCredentials credentials,
        string audience,
        string serviceUrl,
        string issuer = BotFrameworkIssuer,
        TimeSpan? expiresIn = null)
    {
        var now = DateTime.UtcNow;
        var expires = now + (expiresIn ?? TimeSpan.FromMinutes(30));
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            IssuedAt = expires.AddHours(-1),
            NotBefore = expires.AddHours(-1),
            Expires = expires,
            Claims = new Dictionary<string, object> { ["serviceurl"] = serviceUrl },
            SigningCredentials = credentials,
        };
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(descriptor);
    }
}
