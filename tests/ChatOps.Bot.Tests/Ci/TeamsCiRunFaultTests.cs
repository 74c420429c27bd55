using System.Globalization;
using System.Text;
using ChatOps.Core.Decisions;
using ChatOps.Core.Decisions.Events;
using static ChatOps.Bot.Tests.Ci.CiTeamsHost;

namespace ChatOps.Bot.Tests.Ci;

/// <summary>
/// <c>test P1 --run URL</c> when the link or the CI API is not what it should be, and against Azure DevOps: a link on
/// an unconfigured host is refused, throttling is retried, a failing API is reported to the asker, and nothing is
/// recorded unless the run was read.
/// </summary>
[Trait("Category", "Azurite")]
public sealed class TeamsCiRunFaultTests : IAsyncLifetime
{
    private CiTeamsHost _host = null!;

    public async Task InitializeAsync() => _host = await CiTeamsHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task TestRun_HostNotConfigured_IsRefusedListingTheConfiguredHostsAndRecordsNothing()
    {
        var incident = await _host.DeclareWithPatchAsync();

        var said = await _host.ShownAsync(Alice, "test P1 --run https://gitlab.example.com/contoso/mail/-/pipelines/77");

        Assert.Contains("The bot reads runs only from its configured CI hosts: https://dev.azure.com (AzureDevOps), https://github.com (GitHub).", said, StringComparison.Ordinal);
        Assert.Contains("nothing was recorded", said, StringComparison.Ordinal);
        Assert.Empty(_host.Ci.Requests);
        Assert.DoesNotContain(await _host.RecordsAsync(incident), r => r.Kind == PatchTested.EventKind);
    }

    [Fact]
    public async Task TestRun_ConfiguredHostButNotARunLink_IsRefusedNamingTheRunForm()
    {
        await _host.DeclareWithPatchAsync();

        var said = await _host.ShownAsync(Alice, "test P1 --run https://github.com/contoso/mail-patches/pull/12");

        Assert.Contains("is not a GitHub Actions run link; copy it from the run's page: https://github.com/OWNER/REPO/actions/runs/ID", said, StringComparison.Ordinal);
        Assert.Empty(_host.Ci.Requests);
    }

    [Fact]
    public async Task TestRun_ThrottledOnceWithRetryAfter_IsRetriedAndRecordsPass()
    {
        var incident = await _host.DeclareWithPatchAsync();
        _host.Ci.Fail(429, retryAfter: "0");

        var said = await _host.ShownAsync(Alice, $"test P1 --run {GitHubRunUrl}");

        Assert.Contains("Test of P1: pass from GitHub Actions run", said, StringComparison.Ordinal);
        Assert.Equal(3, _host.Ci.Requests.Count);
        Assert.Equal("pass", (await TestedAsync(incident)).Result);
    }

    [Fact]
    public async Task TestRun_PersistentServerError_ReportsToTheAskerAndRecordsNothing()
    {
        var incident = await _host.DeclareWithPatchAsync();
        _host.Ci.Fail(500, times: 50);

        var said = await _host.ShownAsync(Alice, $"test P1 --run {GitHubRunUrl}");

        Assert.Contains($"Could not read the run {GitHubRunUrl}: github answered HTTP 500 after the bot's retries. Nothing was recorded", said, StringComparison.Ordinal);
        Assert.Equal(1 + int.Parse(MaxRetries, CultureInfo.InvariantCulture), _host.Ci.Requests.Count);
        Assert.DoesNotContain(await _host.RecordsAsync(incident), r => r.Kind == PatchTested.EventKind);
    }

    [Fact]
    public async Task TestRun_TokenRefused_NamesTheScopeAndRecordsNothing()
    {
        var incident = await _host.DeclareWithPatchAsync();
        _host.Ci.Fail(401);

        var said = await _host.ShownAsync(Alice, $"test P1 --run {GitHubRunUrl}");

        Assert.Contains("github refused the bot's token (HTTP 401); its token needs Actions: read", said, StringComparison.Ordinal);
        Assert.DoesNotContain(GitHubToken, said, StringComparison.Ordinal);
        Assert.Single(_host.Ci.Requests);
        Assert.DoesNotContain(await _host.RecordsAsync(incident), r => r.Kind == PatchTested.EventKind);
    }

    [Fact]
    public async Task TestRun_AzureDevOpsBuildThatSucceeded_RecordsPassWithSourceVersionAndArtifacts()
    {
        var incident = await _host.DeclareWithPatchAsync(artifact: null);

        var said = await _host.ShownAsync(Alice, $"test P1 --run {AzureBuildUrl}");

        Assert.Contains($"Test of P1: pass from Azure Pipelines run {AzureBuildUrl} (succeeded, commit 5e0c2a9, 1 artifact(s); the patch names no digest)", said, StringComparison.Ordinal);
        var run = (await TestedAsync(incident)).Run!;
        Assert.Equal(("azure-devops", "5e0c2a9d8f7b6a5c4d3e2f1a0b9c8d7e6f5a4b3c", null), (run.Provider, run.HeadCommit, run.Attempt));
        Assert.Equal("drop", Assert.Single(run.Artifacts).Name);
        Assert.Equal(
            ["GET /contoso/mail/_apis/build/builds/1207?api-version=7.1", "GET /contoso/mail/_apis/build/builds/1207/artifacts?api-version=7.1"],
            _host.Ci.Requests.Select(r => r.ToString()));
    }

    [Fact]
    public async Task TestRun_AzureDevOps_SendsThePatInBasicAuthWithAnEmptyUser()
    {
        await _host.DeclareWithPatchAsync(artifact: null);

        await _host.ShownAsync(Alice, $"test P1 --run {AzureBuildUrl}");

        var expected = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes(":" + AzurePat));
        Assert.All(_host.Ci.Requests, r => Assert.Equal(expected, r.Authorization));
    }

    [Fact]
    public async Task TestRun_AzureDevOpsBuildAndAPatchDigest_RecordsFailAsBuildsReportNoDigest()
    {
        var incident = await _host.DeclareWithPatchAsync();

        var said = await _host.ShownAsync(Alice, $"test P1 --run {AzureBuildUrl}");

        Assert.Contains($"Recorded as fail: artifact {Digest} not among the run's artifacts (the run reports no artifact digests).", said, StringComparison.Ordinal);
        Assert.Equal("fail", (await TestedAsync(incident)).Result);
    }

    private async Task<PatchTested> TestedAsync(string incident)
    {
        var record = Assert.Single(await _host.RecordsAsync(incident), r => r.Kind == PatchTested.EventKind);
        return Assert.IsType<PatchTested>(EventSerializer.Deserialize(record.Kind, record.Payload));
    }
}
