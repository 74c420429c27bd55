using ChatOps.Bot.Ci;

namespace ChatOps.Bot.Tests.Ci;

/// <summary>Run links taken apart into API paths; anything that is not a run, or could steer the token elsewhere, is refused.</summary>
public sealed class CiRunLinkTests
{
    private static readonly CiHostOptions GitHub = new() { Kind = CiKind.GitHub, BaseUrl = new("https://github.com"), ApiUrl = new("https://api.github.com"), Token = "t" };
    private static readonly CiHostOptions Azure = new() { Kind = CiKind.AzureDevOps, BaseUrl = new("https://dev.azure.com"), ApiUrl = new("https://dev.azure.com"), Token = "t" };

    [Theory]
    [InlineData("https://github.com/contoso/mail/actions/runs/42", "repos/contoso/mail/actions/runs/42", null)]
    [InlineData("https://github.com/contoso/mail/actions/runs/42/attempts/3", "repos/contoso/mail/actions/runs/42", 3)]
    [InlineData("https://github.com/contoso/mail/actions/runs/42/job/777", "repos/contoso/mail/actions/runs/42", null)]
    public void Parse_GitHubRunLink_GivesTheRunsApiPath(string link, string path, int? attempt)
    {
        var run = CiRunLink.Parse("github", GitHub, new Uri(link), out var error);

        Assert.Null(error);
        Assert.Equal((path, attempt), (run!.ApiPath, run.Attempt));
    }

    [Fact]
    public void Parse_GitHubLinkUnderAnOwnerBase_KeepsTheOwner()
    {
        var host = new CiHostOptions { Kind = CiKind.GitHub, BaseUrl = new("https://github.com/contoso"), ApiUrl = new("https://api.github.com"), Token = "t" };

        var run = CiRunLink.Parse("github", host, new Uri("https://github.com/contoso/mail/actions/runs/42"), out _);

        Assert.Equal("repos/contoso/mail/actions/runs/42", run!.ApiPath);
    }

    [Theory]
    [InlineData("https://github.com/contoso/mail/pull/12")]
    [InlineData("https://github.com/contoso/mail/actions/runs/abc")]
    [InlineData("https://github.com/contoso/mail/actions/runs/0")]
    [InlineData("https://github.com/contoso/mail%2F..%2F..%2Fuser/actions/runs/42")]
    [InlineData("https://github.com/contoso/mail/actions/runs/42/logs/7")]
    public void Parse_GitHubLinkThatIsNotARun_IsRefused(string link)
    {
        var run = CiRunLink.Parse("github", GitHub, new Uri(link), out var error);

        Assert.Null(run);
        Assert.Contains("is not a GitHub Actions run link", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("https://dev.azure.com/contoso/mail/_build/results?buildId=1207", "contoso/mail/_apis/build/builds/1207")]
    [InlineData("https://dev.azure.com/contoso/Mail%20Team/_build/results?buildId=9&view=results", "contoso/Mail%20Team/_apis/build/builds/9")]
    public void Parse_AzureDevOpsBuildLink_GivesTheBuildsApiPath(string link, string path)
    {
        var run = CiRunLink.Parse("ado", Azure, new Uri(link), out _);

        Assert.Equal(path, run!.ApiPath);
    }

    [Fact]
    public void Parse_AzureDevOpsLinkUnderAnOrganisationBase_KeepsTheOrganisation()
    {
        var host = new CiHostOptions { Kind = CiKind.AzureDevOps, BaseUrl = new("https://dev.azure.com/contoso"), ApiUrl = new("https://dev.azure.com"), Token = "t" };

        var run = CiRunLink.Parse("ado", host, new Uri("https://dev.azure.com/contoso/mail/_build/results?buildId=5"), out _);

        Assert.Equal("contoso/mail/_apis/build/builds/5", run!.ApiPath);
    }

    [Theory]
    [InlineData("https://dev.azure.com/contoso/mail/_build?definitionId=4")]
    [InlineData("https://dev.azure.com/contoso/mail/_build/results?buildId=x")]
    [InlineData("https://dev.azure.com/contoso/mail/_build/results")]
    public void Parse_AzureDevOpsLinkThatIsNotABuild_IsRefused(string link)
    {
        Assert.Null(CiRunLink.Parse("ado", Azure, new Uri(link), out _));
    }

    [Theory]
    [InlineData("https://github.com/contoso/mail/actions/runs/1", true)]
    [InlineData("http://github.com/contoso/mail/actions/runs/1", false)]
    [InlineData("https://github.com.evil.example/contoso/mail/actions/runs/1", false)]
    [InlineData("https://api.github.com/repos/contoso/mail/actions/runs/1", false)]
    public void IsOn_Link_MatchesOnlyTheBaseAddress(string link, bool expected)
    {
        Assert.Equal(expected, CiRunLink.IsOn(GitHub, new Uri(link)));
    }
}
