using System.Globalization;
using System.Text.Json.Nodes;
using ChatOps.Bot.Reports;
using ChatOps.Core.Decisions;
using ChatOps.Core.Decisions.Events;
using Microsoft.Extensions.DependencyInjection;
using static ChatOps.Bot.Tests.Ci.CiTeamsHost;

namespace ChatOps.Bot.Tests.Ci;

/// <summary>
/// <c>test P1 --run URL</c> through Teams' wire protocol against a local GitHub API: the run's conclusion, head commit
/// and artifacts are read and recorded, the approval card and the report show them.
/// </summary>
[Trait("Category", "Azurite")]
public sealed class TeamsCiRunTests : IAsyncLifetime
{
    private CiTeamsHost _host = null!;

    public async Task InitializeAsync() => _host = await CiTeamsHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task TestRun_GitHubRunThatSucceeded_RecordsPassWithHeadShaAndArtifacts()
    {
        var incident = await _host.DeclareWithPatchAsync();

        var said = await _host.ShownAsync(Alice, $"test P1 --run {GitHubRunUrl}");

        Assert.Contains($"Test of P1: pass from GitHub Actions run {GitHubRunUrl} (success, commit acb5820, attempt 1, artifact {Digest} found)", said, StringComparison.Ordinal);
        var run = (await TestedAsync(incident)).Run!;
        Assert.Equal(("github", "acb5820ced9479c074f688cc328bf03f341a511d", 1), (run.Provider, run.HeadCommit, run.Attempt));
        Assert.Equal(["exchange-patch", "test-results"], run.Artifacts.Select(a => a.Name));
        Assert.Equal(Digest, run.Artifacts[0].Digest);
        Assert.Equal(
            ["GET /repos/contoso/mail-patches/actions/runs/30433642", "GET /repos/contoso/mail-patches/actions/runs/30433642/artifacts?per_page=100"],
            _host.Ci.Requests.Select(r => r.ToString()));
    }

    [Fact]
    public async Task TestRun_GitHub_SendsTheTokenAndGitHubsHeaders()
    {
        await _host.DeclareWithPatchAsync();

        await _host.ShownAsync(Alice, $"test P1 --run {GitHubRunUrl}");

        Assert.All(_host.Ci.Requests, r =>
        {
            Assert.Equal("Bearer " + GitHubToken, r.Authorization);
            Assert.Equal("application/vnd.github+json", r.Accept);
            Assert.Equal("2022-11-28", r.GitHubApiVersion);
            Assert.False(string.IsNullOrEmpty(r.UserAgent));
        });
    }

    [Fact]
    public async Task TestRun_GitHubRunThatFailed_RecordsFail()
    {
        var incident = await _host.DeclareWithPatchAsync();
        _host.Ci.GitHubRun["conclusion"] = "failure";

        var said = await _host.ShownAsync(Alice, $"test P1 --run {GitHubRunUrl}");

        Assert.Contains("Test of P1: fail from GitHub Actions run", said, StringComparison.Ordinal);
        Assert.Equal(("fail", "failure"), ((await TestedAsync(incident)).Result, (await TestedAsync(incident)).Run!.Conclusion));
    }

    [Fact]
    public async Task TestRun_RunWithoutThePatchDigest_RecordsFailAndDeployRequestIsRefused()
    {
        var other = "sha256:" + new string('a', 64);
        var incident = await _host.DeclareWithPatchAsync(other);

        var said = await _host.ShownAsync(Alice, $"test P1 --run {GitHubRunUrl}");
        var request = await _host.ShownAsync(Alice, $"deploy request P1 --window {Start()}/PT2H");

        Assert.Contains($"Recorded as fail: artifact {other} not among the run's artifacts.", said, StringComparison.Ordinal);
        Assert.Equal("fail", (await TestedAsync(incident)).Result);
        Assert.Contains("P1 cannot be requested for deployment: its latest test failed", request, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TestRun_RunStillInProgress_AnswersNotFinishedAndRecordsNothing()
    {
        var incident = await _host.DeclareWithPatchAsync();
        _host.Ci.GitHubRun["status"] = "in_progress";
        _host.Ci.GitHubRun["conclusion"] = null;

        var said = await _host.ShownAsync(Alice, $"test P1 --run {GitHubRunUrl}");

        Assert.Contains($"The run {GitHubRunUrl} is not finished yet (GitHub says 'in_progress'); nothing was recorded.", said, StringComparison.Ordinal);
        Assert.DoesNotContain(await _host.RecordsAsync(incident), r => r.Kind == PatchTested.EventKind);
    }

    [Fact]
    public async Task DeployRequest_AfterAPassingRun_ApprovalCardShowsTheRunsFacts()
    {
        await _host.DeclareWithPatchAsync();
        await _host.ShownAsync(Alice, $"test P1 --run {GitHubRunUrl}");
        await _host.ShownAsync(Alice, "role approver @Bob", Bob);

        var card = Assert.Single(await _host.Teams.SayAsync(Alice, $"deploy request P1 --window {Start()}/PT2H"));

        Assert.NotNull(card.Card);
        Assert.Contains("GitHub Actions run, read by the bot", card.Shown, StringComparison.Ordinal);
        Assert.Contains("✅ success", card.Shown, StringComparison.Ordinal);
        Assert.Contains("acb5820", card.Shown, StringComparison.Ordinal);
        Assert.Contains($"✓ {Digest} is among the run's artifacts", card.Shown, StringComparison.Ordinal);
        Assert.Contains(GitHubRunUrl, card.Shown, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExportJson_AfterAPassingRun_CarriesTheRunsFacts()
    {
        var incident = await _host.DeclareWithPatchAsync();
        await _host.ShownAsync(Alice, $"test P1 --run {GitHubRunUrl}");

        var report = JsonNode.Parse(await ReportAsync(incident, "json"))!;

        var test = report["patches"]![0]!["tests"]![0]!;
        Assert.Equal(("pass", "ci-run"), (test["result"]!.GetValue<string>(), test["source"]!.GetValue<string>()));
        Assert.Equal("acb5820ced9479c074f688cc328bf03f341a511d", test["run"]!["headCommit"]!.GetValue<string>());
        Assert.Equal(Digest, test["run"]!["expectedArtifact"]!.GetValue<string>());
        Assert.True(test["run"]!["artifactFound"]!.GetValue<bool>());
        Assert.Equal(2, test["run"]!["artifacts"]!.AsArray().Count);
    }

    [Fact]
    public async Task ExportMarkdown_AfterAPassingRun_DescribesTheRunLikeTheLog()
    {
        var incident = await _host.DeclareWithPatchAsync();
        await _host.ShownAsync(Alice, $"test P1 --run {GitHubRunUrl}");

        var report = await ReportAsync(incident, "md");

        Assert.Contains($"pass from GitHub Actions run {GitHubRunUrl} (success, commit acb5820, attempt 1, artifact {Digest} found) by Alice", report, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_AfterARunPass_ChainAndSnapshotAgree()
    {
        var incident = await _host.DeclareWithPatchAsync();
        await _host.ShownAsync(Alice, $"test P1 --run {GitHubRunUrl}");

        var said = await _host.ShownAsync(Alice, "verify");

        Assert.Contains($"{incident}: intact", said, StringComparison.Ordinal);
    }

    private async Task<PatchTested> TestedAsync(string incident)
    {
        var record = Assert.Single(await _host.RecordsAsync(incident), r => r.Kind == PatchTested.EventKind);
        return Assert.IsType<PatchTested>(EventSerializer.Deserialize(record.Kind, record.Payload));
    }

    /// <summary>The report as its signed link serves it (the link <c>export</c> sends to the asker's 1:1 chat is signed the same way).</summary>
    private async Task<string> ReportAsync(string incident, string format)
    {
        var exp = DateTimeOffset.UtcNow.AddMinutes(5).ToUnixTimeSeconds();
        var sig = _host.Teams.Factory.Services.GetRequiredService<ReportLinkSigner>().Sign(_host.Teams.TenantId, incident, format, exp);
        using var response = await _host.Teams.Client.GetAsync(
            $"/api/incidents/{incident}/report.{format}?tenant={Uri.EscapeDataString(_host.Teams.TenantId)}&exp={exp}&sig={sig}");
        Assert.True(response.IsSuccessStatusCode, response.StatusCode.ToString());
        return await response.Content.ReadAsStringAsync();
    }

    private static string Start() => DateTimeOffset.UtcNow.AddMinutes(-5).ToString("yyyy-MM-dd'T'HH:mm'Z'", CultureInfo.InvariantCulture);
}
