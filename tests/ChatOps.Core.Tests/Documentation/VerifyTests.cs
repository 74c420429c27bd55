using ChatOps.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using static ChatOps.Testing.WorkflowHarness;

namespace ChatOps.Core.Tests.Documentation;

public sealed class VerifyTests : IAsyncLifetime
{
    private const string Id = "INC-2026-0001";
    private readonly WorkflowHarness _h = new();

    public async Task InitializeAsync()
    {
        await _h.SayAsync("declare \"Citrix exploitation\" --sev sev1");
        await _h.SayAsync("decision \"Isolate the VPN\" --because \"exploited\"");
        await _h.SayAsync("decision \"Call the vendor\"");
        await _h.SayAsync("decision \"Rotate session keys\"");
    }

    [Fact]
    public async Task Verify_UntouchedLog_AnswersIntactWithCountAndLastHash()
    {
        var records = await _h.Storage.Incidents.GetDecisionsAsync(Tenant, Id);

        var reply = Text(await _h.SayAsync("verify"));

        Assert.Equal($"{Id}: intact, {records.Count} records, last hash {records[^1].Hash}, matching its keyed checkpoint and its replayed state.", reply);
    }

    [Fact]
    public async Task Verify_WithoutAuditKey_SaysTheCheckpointWasNotChecked()
    {
        using var development = new WorkflowHarness(settings: NoAuditKey, configure: InDevelopment);
        await development.SayAsync("declare \"Citrix exploitation\" --sev sev1");

        var reply = Text(await development.SayAsync("verify"));

        Assert.Contains("matching its replayed state. Audit:Key is not set (Development), so no keyed checkpoint was checked", reply, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_CheckpointRemoved_IsNotIntact()
    {
        await FlushCheckpointsAsync();
        _h.Storage.Checkpoints.Clear(Tenant, Id);

        var reply = Text(await _h.SayAsync("verify"));

        Assert.Contains("NOT intact — there is no keyed checkpoint", reply, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_RecordsAfterTheCheckpoint_AreNamedAsUncovered()
    {
        await FlushCheckpointsAsync();
        var checkpoint = await _h.Storage.Checkpoints.GetLatestAsync(Tenant, Id);
        using var unkeyed = new WorkflowHarness(_h.Storage, _h.Time, NoAuditKey, InDevelopment);
        await unkeyed.SayAsync("decision \"Unkeyed change\"");

        var reply = Text(await _h.SayAsync("verify"));

        Assert.Contains($"records {checkpoint!.Sequence + 1}..{checkpoint.Sequence + 1} are not covered by a keyed checkpoint", reply, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_EditedRecord_NamesIt()
    {
        _h.Storage.Incidents.Tamper(Tenant, Id, 2, r => r with { Reason = "nobody said this" });

        var reply = Text(await _h.SayAsync("verify"));

        Assert.Contains("NOT intact — first record that does not match: 3.", reply, StringComparison.Ordinal);
        Assert.Contains("changed after it was written", reply, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_DeletedMiddleRecord_NamesTheGap()
    {
        _h.Storage.Incidents.Delete(Tenant, Id, 1);

        var reply = Text(await _h.SayAsync("verify"));

        Assert.Contains("first record that does not match: 2.", reply, StringComparison.Ordinal);
        Assert.Contains("missing or out of order", reply, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_DeletedLastRecord_IsCaughtByTheSnapshot()
    {
        var count = (await _h.Storage.Incidents.GetDecisionsAsync(Tenant, Id)).Count;
        _h.Storage.Incidents.Delete(Tenant, Id, count - 1);

        var reply = Text(await _h.SayAsync("verify"));

        Assert.Contains($"first record that does not match: {count}.", reply, StringComparison.Ordinal);
        Assert.Contains($"the log ends at record {count - 1}, but the incident was last changed by record {count}", reply, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_ReorderedRecords_NamesTheFirstOutOfPlace()
    {
        _h.Storage.Incidents.Swap(Tenant, Id, 1, 2);

        var reply = Text(await _h.SayAsync("verify"));

        Assert.Contains("first record that does not match: 2.", reply, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_LastRecordReplacedByAValidChainOfItsOwn_IsCaughtByTheLastHash()
    {
        // A forger who re-hashes the last record after editing it keeps the chain valid; the state's LastHash does not match.
        var count = (await _h.Storage.Incidents.GetDecisionsAsync(Tenant, Id)).Count;
        _h.Storage.Incidents.Tamper(Tenant, Id, count - 1, r =>
        {
            var edited = r with { Reason = "rewritten" };
            return edited with { Hash = ChatOps.Core.Decisions.HashChain.Compute(edited) };
        });

        var reply = Text(await _h.SayAsync("verify"));

        Assert.Contains($"first record that does not match: {count}.", reply, StringComparison.Ordinal);
        Assert.Contains("does not match the incident's state", reply, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_AfterClose_StillVerifiesTheClosedIncident()
    {
        await _h.SayAsync("close --force \"drill\"");
        var count = (await _h.Storage.Incidents.GetDecisionsAsync(Tenant, Id)).Count;

        var reply = Text(await _h.SayAsync("verify", Bob));

        Assert.StartsWith($"{Id}: intact, {count} records", reply, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_ChangeNeverFlushed_NamesTheRecordsAsUncovered()
    {
        // What a crash between a commit and the flush leaves: the stored checkpoint is older than the records.
        await FlushCheckpointsAsync();
        var checkpoint = await _h.Storage.Checkpoints.GetLatestAsync(Tenant, Id);
        using var crashed = new WorkflowHarness(_h.Storage, _h.Time);
        await crashed.SayAsync("decision \"Never flushed\"");

        var reply = Text(await _h.SayAsync("verify"));

        Assert.Contains($"NOT intact — records {checkpoint!.Sequence + 1}..{checkpoint.Sequence + 1} are not covered by a keyed checkpoint", reply, StringComparison.Ordinal);
    }

    private Task FlushCheckpointsAsync() => _h.Services.GetRequiredService<ChatOps.Core.Decisions.AuditCheckpoints>().FlushAsync();

    private static Dictionary<string, string?> NoAuditKey => new() { ["Audit:Key"] = "" };

    private static void InDevelopment(IServiceCollection services) => services.AddSingleton<IHostEnvironment>(new DevelopmentEnvironment());

    public Task DisposeAsync()
    {
        _h.Dispose();
        return Task.CompletedTask;
    }
}
