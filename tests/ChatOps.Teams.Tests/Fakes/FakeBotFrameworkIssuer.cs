using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace ChatOps.Teams.Tests.Fakes;

/// <summary>
/// Local stand-in for login.botframework.com: the OpenID metadata document and a JWKS whose keys tests can
/// replace (key rotation). Counts key downloads.
/// </summary>
public sealed class FakeBotFrameworkIssuer : IAsyncDisposable
{
    private LocalServer? _server;
    private volatile JsonObject _keys = new() { ["keys"] = new JsonArray() };
    private int _keyRequests;

    public Uri MetadataUrl => new(_server!.BaseAddress, "v1/.well-known/openidconfiguration");

    public int KeyRequests => Volatile.Read(ref _keyRequests);

    public static async Task<FakeBotFrameworkIssuer> StartAsync(params TestSigningKey[] keys)
    {
        var issuer = new FakeBotFrameworkIssuer();
        issuer.Publish(keys);
        issuer._server = await LocalServer.StartAsync(app =>
        {
            app.MapGet("/v1/.well-known/openidconfiguration", (HttpContext http) => Results.Text(
                new JsonObject
                {
                    ["issuer"] = TokenMinter.BotFrameworkIssuer,
                    ["authorization_endpoint"] = "https://invalid.botframework.test/v1/.well-known/authorize",
                    ["jwks_uri"] = new Uri(issuer._server!.BaseAddress, "v1/.well-known/keys").ToString(),
                    ["id_token_signing_alg_values_supported"] = new JsonArray("RS256"),
                    ["token_endpoint_auth_methods_supported"] = new JsonArray("private_key_jwt"),
                }.ToJsonString(),
                "application/json"));
            app.MapGet("/v1/.well-known/keys", () =>
            {
                Interlocked.Increment(ref issuer._keyRequests);
                return Results.Text(issuer._keys.ToJsonString(), "application/json");
            });
        });
        return issuer;
    }

    /// <summary>Replaces the published key set.</summary>
    public void Publish(params TestSigningKey[] keys) =>
        _keys = new JsonObject { ["keys"] = new JsonArray(keys.Select(k => (JsonNode)k.ToJwk()).ToArray()) };

    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
            await _server.DisposeAsync();
    }
}
