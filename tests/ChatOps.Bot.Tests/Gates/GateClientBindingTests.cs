using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using ChatOps.Core.Gates;

namespace ChatOps.Bot.Tests.Gates;

/// <summary>Every gate token acts for one tenant and, optionally, matching incidents and patches; anything else is 403 before a lookup.</summary>
[Trait("Category", "Azurite")]
public sealed class GateClientBindingTests : IAsyncLifetime
{
    private const string DefaultToken = "gate-default-token-for-binding-tests-0123456789";
    private const string CiToken = "gate-ci-client-token-for-binding-tests-0123456789";
    private const string OtherIncidentsToken = "gate-other-incidents-token-for-tests-0123456789";
    private const string OtherPatchesToken = "gate-other-patches-token-for-tests-0123456789";
    private const string OtherTenantToken = "gate-other-tenant-token-for-tests-0123456789";

    private readonly BotFactory _factory = new(new Dictionary<string, string?>
    {
        ["Gates:Token"] = DefaultToken,
        ["Gates:TenantId"] = GateScenario.Tenant,
        ["Gates:Clients:ci:TokenSha256"] = Sha256(CiToken),
        ["Gates:Clients:ci:TenantId"] = GateScenario.Tenant,
        ["Gates:Clients:ci:Incidents:0"] = "INC-*",
        ["Gates:Clients:ci:Patches:0"] = "kb9",
        ["Gates:Clients:old:TokenSha256"] = Sha256(OtherIncidentsToken),
        ["Gates:Clients:old:TenantId"] = GateScenario.Tenant,
        ["Gates:Clients:old:Incidents:0"] = "INC-1999-*",
        ["Gates:Clients:kb1:TokenSha256"] = Sha256(OtherPatchesToken).ToUpperInvariant(),
        ["Gates:Clients:kb1:TenantId"] = GateScenario.Tenant,
        ["Gates:Clients:kb1:Patches:0"] = "KB1*",
        ["Gates:Clients:other:TokenSha256"] = Sha256(OtherTenantToken),
        ["Gates:Clients:other:TenantId"] = "tenant-other",
    });

    private GateScenario _scenario = null!;

    public async Task InitializeAsync() => _scenario = await new GateScenario(_factory.Services).RequestAsync();

    [Fact]
    public async Task Get_OwnTenantNamed_IsServed()
    {
        var response = await SendAsync(HttpMethod.Get, $"?tenant={GateScenario.Tenant}", DefaultToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Get_AnotherTenantNamed_Is403()
    {
        var response = await SendAsync(HttpMethod.Get, "?tenant=tenant-other", DefaultToken);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Get_AnotherTenantNamedForAnIncidentThatDoesNotExist_Is403Not404()
    {
        using var request = GateScenario.Request(HttpMethod.Get, "/api/gates/INC-2099-9999/KB9?tenant=tenant-other", DefaultToken);

        var response = await _factory.CreateClient().SendAsync(request);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Get_TenantNamedTwice_Is403()
    {
        var response = await SendAsync(HttpMethod.Get, $"?tenant={GateScenario.Tenant}&tenant=tenant-other", DefaultToken);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Get_ClientTokenMatchingItsHashAndPatterns_IsServed()
    {
        var response = await SendAsync(HttpMethod.Get, "", CiToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("pending", (await response.Content.ReadFromJsonAsync<GateStatus>())!.State);
    }

    [Fact]
    public async Task Get_ClientBoundToOtherIncidents_Is403()
    {
        var response = await SendAsync(HttpMethod.Get, "", OtherIncidentsToken);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Get_ClientBoundToOtherPatches_Is403()
    {
        var response = await SendAsync(HttpMethod.Get, "", OtherPatchesToken);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Get_ClientOfAnotherTenantNamingNoTenant_LooksOnlyInItsOwnTenant()
    {
        var response = await SendAsync(HttpMethod.Get, "", OtherTenantToken);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Started_ClientOfAnotherTenantNamingThisTenant_Is403AndRecordsNothing()
    {
        await _scenario.ApproveAsync();
        var before = await _scenario.RecordCountAsync();

        var response = await SendAsync(HttpMethod.Post, $"/started?tenant={GateScenario.Tenant}", OtherTenantToken);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(before, await _scenario.RecordCountAsync());
    }

    [Fact]
    public async Task Get_HashItselfAsToken_Is401WithBearerChallenge()
    {
        var response = await SendAsync(HttpMethod.Get, "", Sha256(CiToken));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Bearer", Assert.Single(response.Headers.WwwAuthenticate).Scheme);
    }

    public Task DisposeAsync() => _factory.DisposeAsync().AsTask();

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string suffix, string token)
    {
        using var request = GateScenario.Request(method, $"/api/gates/{_scenario.Incident}/KB9{suffix}", token);
        return await _factory.CreateClient().SendAsync(request);
    }

    private static string Sha256(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}
