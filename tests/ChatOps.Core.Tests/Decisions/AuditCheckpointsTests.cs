using ChatOps.Core.Decisions;
using ChatOps.Core.Incidents;
using ChatOps.Core.Storage;
using ChatOps.Testing;
using Microsoft.Extensions.DependencyInjection;
using static ChatOps.Testing.WorkflowHarness;

namespace ChatOps.Core.Tests.Decisions;

/// <summary>Checkpoints are coalesced off the command's path: pending per incident, written by a flush; a close at once.</summary>
public sealed class AuditCheckpointsTests : IDisposable
{
    private const string Id = "INC-2026-0001";
    private readonly WorkflowHarness _h = new();

    private AuditCheckpoints Checkpoints => _h.Services.GetRequiredService<AuditCheckpoints>();

    private InMemoryAuditCheckpointStore Store => _h.Storage.Checkpoints;

    [Fact]
    public async Task Changes_WriteNothingUntilAFlush_ThenOneCheckpointOfTheNewestHead()
    {
        await _h.SayAsync("declare \"Citrix exploitation\" --sev sev1");
        await _h.SayAsync("decision \"Isolate the VPN\"");
        await _h.SayAsync("decision \"Call the vendor\"");

        Assert.Empty(Store.Written);
        Assert.Equal(1, Checkpoints.PendingCount);

        Assert.Equal(1, await Checkpoints.FlushAsync());

        var state = await StateAsync();
        var written = Assert.Single(Store.Written);
        Assert.Equal((Tenant, Id, state.Version, state.LastHash, false), (written.TenantId, written.IncidentId, written.Sequence, written.Hash, written.Closed));
        Assert.True(Checkpoints.Signer.Verify(written));
        Assert.Equal(0, Checkpoints.PendingCount);
        Assert.Equal(0, await Checkpoints.FlushAsync());
        Assert.Single(Store.Written);
    }

    [Fact]
    public async Task Close_IsWrittenAtOnce_AndLeavesNothingPending()
    {
        await _h.SayAsync("declare \"Citrix exploitation\" --sev sev1");
        await _h.SayAsync("decision \"Isolate the VPN\"");

        await _h.SayAsync("close --force \"drill\"");

        var state = await StateAsync();
        Assert.True(state.IsClosed);
        var written = Assert.Single(Store.Written);
        Assert.Equal((state.Version, true), (written.Sequence, written.Closed));
        Assert.Equal(0, Checkpoints.PendingCount);
    }

    [Fact]
    public async Task Flush_StorageUnavailable_KeepsTheHeadForTheNextFlush()
    {
        await _h.SayAsync("declare \"Citrix exploitation\" --sev sev1");
        Store.BeforeWrite = _ => throw new StorageUnavailableException("storage is away");

        await Assert.ThrowsAsync<StorageUnavailableException>(() => Checkpoints.FlushAsync());

        Assert.Equal(1, Checkpoints.PendingCount);
        Store.BeforeWrite = null;
        Assert.Equal(1, await Checkpoints.FlushAsync());
        Assert.Equal((await StateAsync()).Version, Assert.Single(Store.Written).Sequence);
    }

    [Fact]
    public async Task Close_StorageUnavailable_StaysPendingAndTheNextFlushWritesIt()
    {
        await _h.SayAsync("declare \"Citrix exploitation\" --sev sev1");
        Store.BeforeWrite = _ => throw new StorageUnavailableException("storage is away");

        await _h.SayAsync("close --force \"drill\"");

        Assert.Equal(1, Checkpoints.PendingCount);
        Store.BeforeWrite = null;
        await Checkpoints.FlushAsync();
        Assert.True(Assert.Single(Store.Written).Closed);
    }

    [Fact]
    public async Task OlderHead_RecordedAfterANewerOne_IsIgnored()
    {
        await _h.SayAsync("declare \"Citrix exploitation\" --sev sev1");
        var state = await StateAsync();

        await Checkpoints.WriteAsync(At(state, state.Version + 2));
        await Checkpoints.WriteAsync(At(state, state.Version + 1));
        await Checkpoints.FlushAsync();

        Assert.Equal(state.Version + 2, Assert.Single(Store.Written).Sequence);
    }

    [Fact]
    public async Task NewerHead_RecordedWhileAnOlderOneIsBeingWritten_StaysPendingForTheNextFlush()
    {
        await _h.SayAsync("declare \"Citrix exploitation\" --sev sev1");
        var state = await StateAsync();
        var entered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Store.BeforeWrite = async _ =>
        {
            entered.TrySetResult();
            await release.Task;
        };

        var flushing = Checkpoints.FlushAsync();
        await entered.Task;
        await Checkpoints.WriteAsync(At(state, state.Version + 1));
        release.SetResult();
        await flushing;

        Assert.Equal(1, Checkpoints.PendingCount);
        Store.BeforeWrite = null;
        await Checkpoints.FlushAsync();
        Assert.Equal([state.Version, state.Version + 1], Store.Written.Select(c => c.Sequence));
        Assert.Equal(state.Version + 1, (await Store.GetLatestAsync(Tenant, Id))!.Sequence);
    }

    [Fact]
    public async Task FlushOfOneIncident_WritesOnlyThatIncident()
    {
        await _h.SayAsync("declare \"Citrix exploitation\" --sev sev1");
        var state = await StateAsync();
        await Checkpoints.WriteAsync(new Incident { TenantId = Tenant, Id = "INC-2026-0099", Conversation = state.Conversation, DeclaredBy = state.DeclaredBy, Version = 3, LastHash = state.LastHash });

        Assert.Equal(1, await Checkpoints.FlushAsync(Tenant, Id));

        Assert.Equal(Id, Assert.Single(Store.Written).IncidentId);
        Assert.Equal(1, Checkpoints.PendingCount);
        Assert.Equal(0, await Checkpoints.FlushAsync(Tenant, Id));
    }

    [Fact]
    public async Task Verify_RightAfterAChange_SeesItCovered()
    {
        await _h.SayAsync("declare \"Citrix exploitation\" --sev sev1");
        await _h.SayAsync("decision \"Isolate the VPN\"");
        Assert.Empty(Store.Written);

        var reply = Text(await _h.SayAsync("verify"));

        var state = await StateAsync();
        Assert.Equal($"{Id}: intact, {state.Version} records, last hash {state.LastHash}, matching its keyed checkpoint and its replayed state.", reply);
        Assert.Equal(state.Version, Assert.Single(Store.Written).Sequence);
    }

    [Fact]
    public async Task MorePendingThanTheLimit_DropsTheLeastRecentlyChanged()
    {
        await _h.SayAsync("declare \"Citrix exploitation\" --sev sev1");
        var state = await StateAsync();

        for (var i = 0; i < AuditCheckpoints.MaxPending; i++)
        {
            await Checkpoints.WriteAsync(new Incident { TenantId = Tenant, Id = $"INC-X-{i}", Conversation = state.Conversation, DeclaredBy = state.DeclaredBy, Version = 1, LastHash = state.LastHash });
        }

        Assert.Equal(AuditCheckpoints.MaxPending, Checkpoints.PendingCount);
        Assert.Equal(0, await Checkpoints.FlushAsync(Tenant, Id));
        Assert.Equal(1, await Checkpoints.FlushAsync(Tenant, "INC-X-0"));
    }

    private async Task<Incident> StateAsync() => (await _h.Storage.Incidents.GetAsync(Tenant, Id))!.Incident;

    private static Incident At(Incident state, long version) =>
        new() { TenantId = state.TenantId, Id = state.Id, Conversation = state.Conversation, DeclaredBy = state.DeclaredBy, Version = version, LastHash = "hash-" + version };

    public void Dispose() => _h.Dispose();
}
