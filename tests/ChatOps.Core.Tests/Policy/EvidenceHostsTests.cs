using ChatOps.Core.Policy;

namespace ChatOps.Core.Tests.Policy;

/// <summary><c>Policy:EvidenceHosts</c>: only https links on a listed host may become an "Open test evidence" button.</summary>
public sealed class EvidenceHostsTests
{
    private static readonly DeploymentPolicy Policy = new(new PolicyOptions { EvidenceHosts = ["ci.example.com", "*.dev.azure.com"] });

    [Theory]
    [InlineData("https://ci.example.com/runs/42", true)]
    [InlineData("https://contoso.dev.azure.com/_build/results?buildId=7", true)]
    [InlineData("http://ci.example.com/runs/42", false)]
    [InlineData("https://ci.example.com.attacker.example/runs/42", false)]
    [InlineData("https://login-microsoftonline.attacker.example/", false)]
    [InlineData("javascript:alert(1)", false)]
    [InlineData(null, false)]
    public void IsTrustedEvidence_Link_OnlyHttpsOnAListedHost(string? url, bool expected)
    {
        var trusted = Policy.IsTrustedEvidence(url);

        Assert.Equal(expected, trusted);
    }

    [Fact]
    public void IsTrustedEvidence_NoHostsConfigured_False()
    {
        var trusted = new DeploymentPolicy(new PolicyOptions()).IsTrustedEvidence("https://ci.example.com/runs/42");

        Assert.False(trusted);
    }
}
