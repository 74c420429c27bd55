using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;

namespace ChatOps.Bot.Tests.Alerts;

/// <summary>The alert fixtures (TestData/Alerts, see SOURCES.md), the sources' settings, and posting to /api/alerts/{source}.</summary>
internal static class AlertPayloads
{
    public const string PrometheusToken = "alertmanager-token-for-tests-0123456789";
    public const string AzureToken = "azure-monitor-token-for-tests-0123456789";

    public static string Read(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "TestData", "Alerts", name));

    /// <summary><c>prometheus</c> (Alertmanager, label instance → host) and <c>azure</c> (Azure Monitor, resource id → mail01), both bound to <paramref name="tenantId"/>.</summary>
    public static Dictionary<string, string?> Settings(string tenantId) => new()
    {
        ["Alerts:Sources:prometheus:Kind"] = "Alertmanager",
        ["Alerts:Sources:prometheus:TokenSha256"] = Sha256(PrometheusToken),
        ["Alerts:Sources:prometheus:TenantId"] = tenantId,
        ["Alerts:Sources:prometheus:Rules:0:Label"] = "instance",
        ["Alerts:Sources:azure:Kind"] = "AzureMonitor",
        ["Alerts:Sources:azure:TokenSha256"] = Sha256(AzureToken),
        ["Alerts:Sources:azure:TenantId"] = tenantId,
        ["Alerts:Sources:azure:Rules:0:ResourceId"] = "/subscriptions/*/virtualMachines/mail01",
        ["Alerts:Sources:azure:Rules:0:System"] = "mail01",
    };

    public static Task<HttpResponseMessage> PostAsync(HttpClient client, string source, string body, string? token = PrometheusToken, string query = "")
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/alerts/{source}{query}") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return client.SendAsync(request);
    }

    private static string Sha256(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}
