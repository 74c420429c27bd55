using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.IdentityModel.Tokens;

namespace ChatOps.Teams.Auth;

/// <summary>
/// Copies the signing key's <c>endorsements</c> (an extra member of each JWK in the Bot Framework key set) onto the
/// principal as <see cref="BotFrameworkAuthentication.EndorsementClaim"/> claims, so the endpoint can check that the
/// key is endorsed for the activity's <c>channelId</c> (botbuilder EndorsementsValidator).
/// </summary>
internal static class EndorsementClaims
{
    public static async Task AddAsync(TokenValidatedContext context)
    {
        if (context.Principal?.Identity is not ClaimsIdentity identity)
            return;

        // A claim of that name inside the token itself proves nothing: only the key set says what a key endorses.
        foreach (var forged in identity.FindAll(BotFrameworkAuthentication.EndorsementClaim).ToList())
            identity.RemoveClaim(forged);

        var kid = context.SecurityToken?.SigningKey?.KeyId;
        if (kid is null || context.Options.ConfigurationManager is null)
            return;
        var configuration = await context.Options.ConfigurationManager.GetConfigurationAsync(context.HttpContext.RequestAborted);
        var key = configuration.JsonWebKeySet?.Keys.FirstOrDefault(k => string.Equals(k.Kid, kid, StringComparison.Ordinal));
        foreach (var endorsement in Read(key))
            identity.AddClaim(new Claim(BotFrameworkAuthentication.EndorsementClaim, endorsement));
    }

    internal static IEnumerable<string> Read(JsonWebKey? key)
    {
        if (key is null || !key.AdditionalData.TryGetValue("endorsements", out var value))
            return [];
        return value switch
        {
            JsonElement { ValueKind: JsonValueKind.Array } array => array.EnumerateArray()
                .Where(e => e.ValueKind == JsonValueKind.String)
                .Select(e => e.GetString()!)
                .ToList(),
            IEnumerable<object> items => items.OfType<string>().ToList(),
            _ => [],
        };
    }
}
