using ChatOps.Bot.Ci;

namespace ChatOps.Bot.Tests.Ci;

/// <summary>Start-up refuses a CI host it could not use safely, naming the setting.</summary>
public sealed class CiOptionsValidatorTests
{
    [Fact]
    public void Validate_CompleteHosts_Succeeds()
    {
        var options = new CiOptions();
        options.Hosts["github"] = new CiHostOptions { Kind = CiKind.GitHub, BaseUrl = new("https://github.com"), ApiUrl = new("https://api.github.com"), Token = "t" };
        options.Hosts["local"] = new CiHostOptions { Kind = CiKind.AzureDevOps, BaseUrl = new("https://dev.azure.com/contoso"), ApiUrl = new("http://127.0.0.1:8080"), Token = "t" };

        Assert.True(new CiOptionsValidator().Validate(null, options).Succeeded);
    }

    [Fact]
    public void Validate_HostWithoutKindToken_NamesEachSetting()
    {
        var options = new CiOptions();
        options.Hosts["gh"] = new CiHostOptions { BaseUrl = new("http://github.com"), ApiUrl = new("http://api.github.com") };

        var failures = new CiOptionsValidator().Validate(null, options).Failures!.ToList();

        Assert.Contains(failures, f => f.StartsWith("Ci:Hosts:gh:Kind ", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("Ci:Hosts:gh:BaseUrl ", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("Ci:Hosts:gh:ApiUrl ", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("Ci:Hosts:gh:Token ", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_NoRetries_IsRefused()
    {
        var options = new CiOptions { MaxRetries = 0 };

        Assert.Contains("Ci:MaxRetries must be between 1 and 10.", new CiOptionsValidator().Validate(null, options).Failures!);
    }
}
