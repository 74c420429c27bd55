using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace ChatOps.Testing.Channels.Teams;

/// <summary>
/// Local HTTPS Entra token endpoint (<c>POST /{tenant}/oauth2/v2.0/token</c>, client credentials) for MSAL, which
/// refuses http authorities. Records each request's tenant and form; issues <c>bot-token-N</c>.
/// </summary>
public sealed class FakeTokenEndpoint : IAsyncDisposable
{
    private readonly ConcurrentQueue<(string Tenant, IReadOnlyDictionary<string, string> Form)> _requests = new();
    private readonly ConcurrentDictionary<string, (string Tenant, string Scope)> _issuedTokens = new(StringComparer.Ordinal);
    private LocalServer? _server;
    private int _issued;

    private FakeTokenEndpoint(X509Certificate2 certificate) => Certificate = certificate;

    public X509Certificate2 Certificate { get; }

    public Uri BaseAddress => _server!.BaseAddress;

    /// <summary>The authority Bot Framework bots use by default, on this server.</summary>
    public Uri BotFrameworkAuthority => new(BaseAddress, "botframework.com");

    public IReadOnlyList<(string Tenant, IReadOnlyDictionary<string, string> Form)> Requests => [.. _requests];

    public string? RejectSecret { get; set; }

    /// <summary>The lifetime each issued token states (<c>expires_in</c>, seconds).</summary>
    public int ExpiresIn { get; set; } = 3600;

    /// <summary>The tenant and scope a token of this endpoint was issued for, or null for a token it never issued.</summary>
    public (string Tenant, string Scope)? IssuedFor(string token) => _issuedTokens.TryGetValue(token, out var issued) ? issued : null;

    public static async Task<FakeTokenEndpoint> StartAsync()
    {
        var endpoint = new FakeTokenEndpoint(TestCertificate.Create());
        endpoint._server = await LocalServer.StartAsync(
            app => app.MapPost("/{tenant}/oauth2/v2.0/token", endpoint.IssueAsync),
            endpoint.Certificate);
        return endpoint;
    }

    public static string TokenNumber(int n) => "bot-token-" + n.ToString(CultureInfo.InvariantCulture);

    private async Task<IResult> IssueAsync(string tenant, HttpRequest request)
    {
        var form = (await request.ReadFormAsync()).ToDictionary(f => f.Key, f => f.Value.ToString());
        _requests.Enqueue((tenant, form));
        if (RejectSecret is not null && form.GetValueOrDefault("client_secret") == RejectSecret)
            return Results.Text("{\"error\":\"invalid_client\",\"error_description\":\"AADSTS7000215: Invalid client secret provided.\"}", "application/json", statusCode: 401);
        var token = TokenNumber(Interlocked.Increment(ref _issued));
        _issuedTokens[token] = (tenant, form.GetValueOrDefault("scope") ?? "");
        return Results.Text(
            new JsonObject { ["token_type"] = "Bearer", ["expires_in"] = ExpiresIn, ["ext_expires_in"] = ExpiresIn, ["access_token"] = token }.ToJsonString(),
            "application/json");
    }

    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
            await _server.DisposeAsync();
        Certificate.Dispose();
    }
}
