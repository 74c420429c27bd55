using System.Text.Json.Nodes;
using ChatOps.Teams.Tests.Fakes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace ChatOps.Bot.Tests.Gates;

/// <summary>
/// A local stand-in for a workload-identity issuer (GitHub Actions' token.actions.githubusercontent.com or Azure
/// DevOps' vstoken.dev.azure.com): its OpenID metadata and JWKS on 127.0.0.1, and tokens shaped like theirs, signed
/// with the Teams tests' <see cref="TestSigningKey"/>.
/// </summary>
internal sealed class FakeWorkloadIdentityIssuer : IAsyncDisposable
{
    public const string GitHubIssuer = "https://token.actions.githubusercontent.com";

    private readonly TestSigningKey _key = new("gh-key-1");
    private LocalServer? _server;

    public Uri MetadataUrl => new(_server!.BaseAddress, ".well-known/openid-configuration");

    public static async Task<FakeWorkloadIdentityIssuer> StartAsync()
    {
        var issuer = new FakeWorkloadIdentityIssuer();
        issuer._server = await LocalServer.StartAsync(app =>
        {
            app.MapGet("/.well-known/openid-configuration", () => Results.Text(new JsonObject
            {
                ["issuer"] = GitHubIssuer,
                ["jwks_uri"] = new Uri(issuer._server!.BaseAddress, ".well-known/jwks").ToString(),
                ["subject_types_supported"] = new JsonArray("public", "pairwise"),
                ["id_token_signing_alg_values_supported"] = new JsonArray("RS256"),
            }.ToJsonString(), "application/json"));
            app.MapGet("/.well-known/jwks", () => Results.Text(new JsonObject { ["keys"] = new JsonArray(issuer._key.ToJwk()) }.ToJsonString(), "application/json"));
        });
        return issuer;
    }

    /// <summary>A token as a GitHub Actions job gets it from ACTIONS_ID_TOKEN_REQUEST_URL; <paramref name="signer"/> replaces the issuer's key.</summary>
    public string Mint(string subject, string audience, string issuer = GitHubIssuer, TestSigningKey? signer = null, TimeSpan? expiresIn = null)
    {
        var now = DateTime.UtcNow;
        var expires = now + (expiresIn ?? TimeSpan.FromMinutes(5));
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            IssuedAt = expires.AddMinutes(-10),
            NotBefore = expires.AddMinutes(-10),
            Expires = expires,
            Claims = new Dictionary<string, object> { ["sub"] = subject, ["repository"] = "contoso/web" },
            SigningCredentials = (signer ?? _key).Credentials,
        });
    }

    public async ValueTask DisposeAsync()
    {
        _key.Dispose();
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}
