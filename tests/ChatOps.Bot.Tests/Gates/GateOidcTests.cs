using System.Net;
using System.Net.Http.Json;
using ChatOps.Core.Gates;
using ChatOps.Teams.Tests.Fakes;

namespace ChatOps.Bot.Tests.Gates;

/// <summary>
/// Workload-identity tokens (GitHub Actions shape) validated by JwtBearer against a local issuer's metadata and JWKS;
/// the subject decides the tenant, incidents and patches.
/// </summary>
[Trait("Category", "Azurite")]
public sealed class GateOidcTests : IAsyncLifetime
{
    private const string Audience = "chatops-gate";
    private const string Production = "repo:contoso/web:environment:production";

    private FakeWorkloadIdentityIssuer _issuer = null!;
    private BotFactory _factory = null!;
    private GateScenario _scenario = null!;

    public async Task InitializeAsync()
    {
        _issuer = await FakeWorkloadIdentityIssuer.StartAsync();
        _factory = new BotFactory(new Dictionary<string, string?>
        {
            ["Gates:Oidc:github:Issuer"] = FakeWorkloadIdentityIssuer.GitHubIssuer,
            ["Gates:Oidc:github:MetadataAddress"] = _issuer.MetadataUrl.ToString(),
            ["Gates:Oidc:github:RequireHttpsMetadata"] = "false",
            ["Gates:Oidc:github:Audiences:0"] = Audience,
            ["Gates:Oidc:github:Subjects:0:Subject"] = Production,
            ["Gates:Oidc:github:Subjects:0:TenantId"] = GateScenario.Tenant,
            ["Gates:Oidc:github:Subjects:1:Subject"] = "repo:contoso/web:ref:refs/heads/*",
            ["Gates:Oidc:github:Subjects:1:TenantId"] = "tenant-other",
            ["Gates:Oidc:github:Subjects:2:Subject"] = "repo:contoso/legacy:*",
            ["Gates:Oidc:github:Subjects:2:TenantId"] = GateScenario.Tenant,
            ["Gates:Oidc:github:Subjects:2:Patches:0"] = "KB1*",
        });
        _scenario = await new GateScenario(_factory.Services).RequestAsync();
    }

    [Fact]
    public async Task Get_TokenOfAMappedSubject_IsServed()
    {
        var response = await SendAsync(_issuer.Mint(Production, Audience));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("pending", (await response.Content.ReadFromJsonAsync<GateStatus>())!.State);
    }

    [Fact]
    public async Task Get_SubjectMappedToAnotherTenantNamingThisOne_Is403()
    {
        var response = await SendAsync(_issuer.Mint("repo:contoso/web:ref:refs/heads/main", Audience), $"?tenant={GateScenario.Tenant}");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Get_SubjectBoundToOtherPatches_Is403()
    {
        var response = await SendAsync(_issuer.Mint("repo:contoso/legacy:environment:production", Audience));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Get_UnmappedSubject_Is401()
    {
        var response = await SendAsync(_issuer.Mint("repo:mallory/web:environment:production", Audience));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Get_WrongAudience_Is401()
    {
        var response = await SendAsync(_issuer.Mint(Production, "api://AzureADTokenExchange"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Get_WrongIssuer_Is401()
    {
        var response = await SendAsync(_issuer.Mint(Production, Audience, issuer: "https://token.actions.example.com"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Get_SignedByAKeyTheIssuerDoesNotPublish_Is401()
    {
        using var stranger = new TestSigningKey("gh-key-1");

        var response = await SendAsync(_issuer.Mint(Production, Audience, signer: stranger));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Get_ExpiredToken_Is401WithBearerChallenge()
    {
        var response = await SendAsync(_issuer.Mint(Production, Audience, expiresIn: TimeSpan.FromMinutes(-10)));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains(response.Headers.WwwAuthenticate, header => header.Scheme == "Bearer");
    }

    public async Task DisposeAsync()
    {
        await _factory.DisposeAsync();
        await _issuer.DisposeAsync();
    }

    private async Task<HttpResponseMessage> SendAsync(string token, string query = "")
    {
        using var request = GateScenario.Request(HttpMethod.Get, $"/api/gates/{_scenario.Incident}/KB9{query}", token);
        return await _factory.CreateClient().SendAsync(request);
    }
}
