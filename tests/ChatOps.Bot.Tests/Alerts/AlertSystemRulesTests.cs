using System.Text.Json;
using ChatOps.Bot.Alerts;

namespace ChatOps.Bot.Tests.Alerts;

/// <summary>The documented payloads parse to alerts, and the source's rules name their systems.</summary>
public class AlertSystemRulesTests
{
    [Fact]
    public void AzureMonitor_FiredFixture_ResourceIdRuleNamesTheSystem()
    {
        var alert = Assert.Single(AzureMonitorPayload.Parse(Parse("azure-monitor-fired.json")));

        var systems = AlertSystemRules.Systems([new AlertRuleOptions { ResourceId = "/subscriptions/*/virtualMachines/mail01", System = "mail01" }], alert);

        Assert.True(alert.Firing);
        Assert.EndsWith("/alerts/11111111-2222-3333-4444-555555555555", alert.ExternalId, StringComparison.Ordinal);
        Assert.Equal(["mail01"], systems);
    }

    [Fact]
    public void AzureMonitor_ResolvedFixture_IsNotFiring()
    {
        var alert = Assert.Single(AzureMonitorPayload.Parse(Parse("azure-monitor-resolved.json")));

        Assert.False(alert.Firing);
    }

    [Fact]
    public void Alertmanager_InstanceLabelWithoutSystem_NamesTheHostWithoutPort()
    {
        var alert = Assert.Single(AlertmanagerPayload.Parse(Parse("alertmanager-firing.json")));

        var systems = AlertSystemRules.Systems([new AlertRuleOptions { Label = "instance" }], alert);

        Assert.Equal(("5c1e3a9d2b7f4e60", "HighErrorRate"), (alert.ExternalId, alert.Name));
        Assert.Equal(["mail01"], systems);
    }

    [Fact]
    public void Alertmanager_LabelRuleWhoseMatchFails_NamesNoSystem()
    {
        var alert = Assert.Single(AlertmanagerPayload.Parse(Parse("alertmanager-firing.json")));

        var systems = AlertSystemRules.Systems([new AlertRuleOptions { Label = "job", Match = "web*", System = "web01" }], alert);

        Assert.Empty(systems);
    }

    [Fact]
    public void Alertmanager_AlertWithoutFingerprint_IsAPayloadError()
    {
        using var document = JsonDocument.Parse("{\"version\":\"4\",\"alerts\":[{\"status\":\"firing\",\"labels\":{}}]}");

        var error = Assert.Throws<AlertPayloadException>(() => AlertmanagerPayload.Parse(document.RootElement));

        Assert.Contains("alerts[0].fingerprint", error.Message, StringComparison.Ordinal);
    }

    private static JsonElement Parse(string fixture) => JsonDocument.Parse(AlertPayloads.Read(fixture)).RootElement.Clone();
}
