using ChatOps.Bot.Alerts;
using Microsoft.Extensions.Options;

namespace ChatOps.Bot.Tests.Alerts;

public class AlertsOptionsValidatorTests
{
    private static readonly string Hash = new('a', 64);

    [Fact]
    public void Validate_CompleteSource_Succeeds()
    {
        var result = Validate(Source());

        Assert.True(result.Succeeded, result.FailureMessage);
    }

    [Fact]
    public void Validate_HashNotHex_FailsNamingTheSetting()
    {
        var result = Validate(Source(s => s.TokenSha256 = "not-a-hash"));

        Assert.Contains("Alerts:Sources:prom:TokenSha256", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_NoTenant_FailsNamingTheSetting()
    {
        var result = Validate(Source(s => s.TenantId = null));

        Assert.Contains("Alerts:Sources:prom:TenantId", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_NoKind_FailsNamingTheSetting()
    {
        var result = Validate(Source(s => s.Kind = null));

        Assert.Contains("Alerts:Sources:prom:Kind", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_NoRules_FailsNamingTheSetting()
    {
        var result = Validate(Source(s => s.Rules.Clear()));

        Assert.Contains("Alerts:Sources:prom:Rules must map", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_RuleWithResourceIdAndLabel_FailsNamingTheRule()
    {
        var result = Validate(Source(s => s.Rules[0].ResourceId = "/subscriptions/*"));

        Assert.Contains("Alerts:Sources:prom:Rules:0 needs exactly one of ResourceId and Label", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_ResourceIdRuleWithoutSystem_FailsNamingTheRule()
    {
        var result = Validate(Source(s =>
        {
            s.Kind = AlertSourceKind.AzureMonitor;
            s.Rules[0] = new AlertRuleOptions { ResourceId = "/subscriptions/*/virtualMachines/mail01" };
        }));

        Assert.Contains("Alerts:Sources:prom:Rules:0:System", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_SourceNameNotARouteSegment_FailsNamingTheSource()
    {
        var options = new AlertsOptions { Sources = { ["a/b"] = Source().Sources["prom"] } };

        var result = new AlertsOptionsValidator().Validate(null, options);

        Assert.Contains("Alerts:Sources:a/b: a source name", result.FailureMessage, StringComparison.Ordinal);
    }

    private static AlertsOptions Source(Action<AlertSourceOptions>? change = null)
    {
        var source = new AlertSourceOptions { Kind = AlertSourceKind.Alertmanager, TokenSha256 = Hash, TenantId = "t", Rules = { new AlertRuleOptions { Label = "instance" } } };
        change?.Invoke(source);
        return new AlertsOptions { Sources = { ["prom"] = source } };
    }

    private static ValidateOptionsResult Validate(AlertsOptions options) => new AlertsOptionsValidator().Validate(null, options);
}
