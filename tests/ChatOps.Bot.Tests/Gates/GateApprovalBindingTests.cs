using System.Net.Http.Json;
using ChatOps.Core.Gates;

namespace ChatOps.Bot.Tests.Gates;

/// <summary>The gate returns what the approval is bound to, artifact digest included, and calls a voided approval voided.</summary>
[Trait("Category", "Azurite")]
public sealed class GateApprovalBindingTests : IAsyncLifetime
{
    private const string Token = "gate-token-for-approval-binding-tests-0123456789";

    private readonly BotFactory _factory = new(new Dictionary<string, string?> { ["Gates:Token"] = Token, ["Gates:TenantId"] = GateScenario.Tenant });
    private GateScenario _scenario = null!;

    public async Task InitializeAsync()
    {
        _scenario = await new GateScenario(_factory.Services).RequestAsync();
        await _scenario.ApproveAsync();
    }

    [Fact]
    public async Task Get_ApprovedPatchWithArtifact_ReturnsTheWholeBinding()
    {
        var status = await GetAsync();

        Assert.Equal("approved", status.State);
        var binding = Assert.IsType<GateBinding>(status.Binding);
        Assert.Equal(("KB9", GateScenario.Artifact, "pass", "https://ci.example.com/9"), (binding.PatchId, binding.Artifact, binding.TestResult, binding.Evidence));
        Assert.Equal(["web01"], binding.Systems);
        Assert.Equal(status.Window, binding.Window);
        Assert.Equal(16, binding.Fingerprint.Length);
    }

    [Fact]
    public async Task Get_ApprovalVoidedByAFailedTest_IsVoidedWithTheReason()
    {
        await _scenario.SayAsync("test KB9 fail --env staging");

        var status = await GetAsync();

        Assert.Equal("voided", status.State);
        Assert.Contains("test evidence of KB9 changed", status.Reason, StringComparison.Ordinal);
    }

    public Task DisposeAsync() => _factory.DisposeAsync().AsTask();

    private async Task<GateStatus> GetAsync()
    {
        using var request = GateScenario.Request(HttpMethod.Get, $"/api/gates/{_scenario.Incident}/KB9", Token);
        using var response = await _factory.CreateClient().SendAsync(request);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<GateStatus>())!;
    }
}
