using System.Text.Json.Nodes;
using ChatOps.Core.Ci;
using ChatOps.Core.Decisions;
using ChatOps.Core.Decisions.Events;
using ChatOps.Testing;
using Microsoft.Extensions.DependencyInjection;
using static ChatOps.Testing.WorkflowHarness;

namespace ChatOps.Core.Tests.Ci;

/// <summary><c>test PATCH --run URL</c> in Core: the run decides the result, and nothing is recorded unless it was read and finished.</summary>
public sealed class CiRunTestTests : IDisposable
{
    private const string Digest = "sha256:9b2c4e7f0a1d3c5b7e9f1a2c4d6e8f0a1b3c5d7e9f1a2b4c6d8e0f1a3b5c7d9e";
    private const string RunUrl = "https://github.com/contoso/mail/actions/runs/42";
    private static readonly DateTimeOffset ReadAt = new(2026, 11, 27, 22, 0, 0, TimeSpan.Zero);
    private readonly ScriptedCiRunReader _ci = new();
    private readonly WorkflowHarness _h;

    public CiRunTestTests() => _h = new WorkflowHarness(configure: s => s.AddSingleton<ICiRunReader>(_ci));

    [Fact]
    public async Task TestRun_SucceededRunWithThePatchDigest_RecordsPassWithTheRunsFacts()
    {
        await DeclareWithPatchAsync(Digest);
        _ci.Next = CiRunLookup.Found(Run("success", true, new CiArtifact("mail-patch", Digest)));

        var reply = await _h.SayAsync($"test P1 --run {RunUrl}");

        Assert.Contains("Test of P1: pass from GitHub Actions run", Text(reply), StringComparison.Ordinal);
        var tested = await TestedAsync();
        Assert.Equal("pass", tested.Result);
        Assert.Equal(RunUrl, tested.Evidence);
        Assert.Equal(("0123456789abcdef0123456789abcdef01234567", 2, true), (tested.Run!.HeadCommit, tested.Run.Attempt, tested.Run.ArtifactFound));
    }

    [Fact]
    public async Task TestRun_SucceededRunWithoutThePatchDigest_RecordsFailWithTheReason()
    {
        await DeclareWithPatchAsync(Digest);
        _ci.Next = CiRunLookup.Found(Run("success", true, new CiArtifact("other", "sha256:" + new string('0', 64))));

        var reply = await _h.SayAsync($"test P1 --run {RunUrl}");

        Assert.Contains($"Recorded as fail: artifact {Digest} not among the run's artifacts.", Text(reply), StringComparison.Ordinal);
        var record = Assert.Single(await RecordsAsync(), r => r.Kind == PatchTested.EventKind);
        Assert.Equal("fail", ((PatchTested)EventSerializer.Deserialize(record.Kind, record.Payload)).Result);
        Assert.Equal($"artifact {Digest} not among the run's artifacts", record.Reason);
    }

    [Fact]
    public async Task TestRun_FailedRun_RecordsFail()
    {
        await DeclareWithPatchAsync(null);
        _ci.Next = CiRunLookup.Found(Run("failure", false));

        await _h.SayAsync($"test P1 --run {RunUrl}");

        Assert.Equal("fail", (await TestedAsync()).Result);
    }

    [Fact]
    public async Task TestRun_WithATypedResult_IsRefusedNamingTheRunForm()
    {
        await DeclareWithPatchAsync(null);

        var reply = await _h.SayAsync($"test P1 pass --run {RunUrl}");

        Assert.True(IsError(reply));
        Assert.Contains("A CI run decides the result, so 'pass' cannot be typed with --run.", Text(reply), StringComparison.Ordinal);
        Assert.Contains("test PATCH-ID --run CI-RUN-URL", Text(reply), StringComparison.Ordinal);
        Assert.Empty(_ci.Asked);
    }

    [Theory]
    [InlineData(CiRunLookupStatus.Refused)]
    [InlineData(CiRunLookupStatus.NotFinished)]
    [InlineData(CiRunLookupStatus.Unreadable)]
    public async Task TestRun_RunNotRead_AnswersTheReasonAndRecordsNothing(CiRunLookupStatus status)
    {
        await DeclareWithPatchAsync(null);
        var before = (await RecordsAsync()).Count;
        _ci.Next = new CiRunLookup(status, null, $"reason {status}");

        var reply = await _h.SayAsync($"test P1 --run {RunUrl}");

        Assert.True(IsError(reply));
        Assert.Contains($"reason {status}", Text(reply), StringComparison.Ordinal);
        Assert.Equal(before, (await RecordsAsync()).Count);
    }

    [Fact]
    public async Task TestRun_UnknownPatch_IsRefusedWithoutAskingTheCi()
    {
        await DeclareWithPatchAsync(null);

        var reply = await _h.SayAsync($"test P9 --run {RunUrl}");

        Assert.Contains("There is no patch P9", Text(reply), StringComparison.Ordinal);
        Assert.Empty(_ci.Asked);
    }

    [Fact]
    public async Task Test_NeitherResultNorRun_IsRefusedNamingBothForms()
    {
        await DeclareWithPatchAsync(null);

        var reply = await _h.SayAsync("test P1");

        Assert.Contains("'test' needs pass|fail|waive or --run CI-RUN-URL.", Text(reply), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TestPass_TypedWithEvidence_StaysAClaimWithoutRunFacts()
    {
        await DeclareWithPatchAsync(null);

        var reply = await _h.SayAsync("test P1 pass --evidence https://ci.example.org/runs/42");

        Assert.Contains("Test of P1: pass, evidence https://ci.example.org/runs/42", Text(reply), StringComparison.Ordinal);
        Assert.Null((await TestedAsync()).Run);
        Assert.Empty(_ci.Asked);
    }

    [Fact]
    public void PatchTested_PayloadWrittenBeforeCiRuns_StillDeserializesAsAClaim()
    {
        const string stored = """{"patchId":"P1","result":"pass","environment":"staging","evidence":"https://ci.example.org/runs/1","kind":"patch.tested"}""";

        var evt = Assert.IsType<PatchTested>(EventSerializer.Deserialize(PatchTested.EventKind, stored));

        Assert.Equal(("pass", "https://ci.example.org/runs/1", null), (evt.Result, evt.Evidence, evt.Run));
        Assert.Equal(stored, EventSerializer.Serialize(evt));
    }

    [Fact]
    public void PatchTested_WithRun_WritesNoDerivedProperties()
    {
        var evt = new PatchTested("P1", "pass", null, RunUrl, null, Run("success", true).MatchedAgainst(null));

        var run = JsonNode.Parse(EventSerializer.Serialize(evt))!["run"]!.AsObject();

        Assert.DoesNotContain("result", run.Select(p => p.Key));
        Assert.DoesNotContain("shortCommit", run.Select(p => p.Key));
        Assert.Equal("success", run["conclusion"]!.GetValue<string>());
    }

    public void Dispose() => _h.Dispose();

    private static CiRunFacts Run(string conclusion, bool succeeded, params CiArtifact[] artifacts) =>
        new(CiProviders.GitHub, RunUrl, conclusion, succeeded, "0123456789abcdef0123456789abcdef01234567", 2, artifacts, ReadAt);

    private async Task DeclareWithPatchAsync(string? digest)
    {
        await _h.SayAsync("declare \"Mail exploited\" --systems mail01");
        var reply = await _h.SayAsync($"patch add P1 \"Mail fix\" --systems mail01{(digest is null ? "" : $" --artifact {digest}")}");
        Assert.False(IsError(reply), Text(reply));
    }

    private async Task<PatchTested> TestedAsync()
    {
        var record = Assert.Single(await RecordsAsync(), r => r.Kind == PatchTested.EventKind);
        return Assert.IsType<PatchTested>(EventSerializer.Deserialize(record.Kind, record.Payload));
    }

    private Task<IReadOnlyList<DecisionRecord>> RecordsAsync() => _h.Storage.Incidents.GetDecisionsAsync(Tenant, "INC-2026-0001");
}
