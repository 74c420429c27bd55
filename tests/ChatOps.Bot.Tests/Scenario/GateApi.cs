using System.Net.Http.Headers;
using System.Net.Http.Json;
using ChatOps.Core.Gates;

namespace ChatOps.Bot.Tests.Scenario;

/// <summary>What a deployment pipeline sees: <c>GET /api/gates/{incident}/{patchId}</c> with the gate's bearer token.</summary>
internal static class GateApi
{
    public static async Task<GateStatus> GetAsync(HttpClient client, string token, string tenantId, string incident, string patchId)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/gates/{incident}/{patchId}?tenant={Uri.EscapeDataString(tenantId)}");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await client.SendAsync(request);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<GateStatus>())!;
    }
}
