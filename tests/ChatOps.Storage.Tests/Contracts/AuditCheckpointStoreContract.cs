using ChatOps.Core.Decisions;
using ChatOps.Core.Storage;

namespace ChatOps.Storage.Tests.Contracts;

/// <summary>
/// The audit checkpoint port's contract: the latest checkpoint is the one with the highest sequence, whatever order
/// they were written in; writing a sequence again replaces it; an incident without checkpoints reads as null.
/// </summary>
public abstract class AuditCheckpointStoreContract
{
    protected abstract IAuditCheckpointStore CreateStore();

    private static AuditCheckpoint NewCheckpoint(long sequence) =>
        new("T1", "INC-" + Guid.NewGuid().ToString("N")[..8], sequence, "hash-" + sequence, false, "mac-" + sequence);

    [Fact]
    public async Task GetLatestAsync_NoCheckpoint_IsNull()
    {
        var store = CreateStore();

        var latest = await store.GetLatestAsync("T1", "INC-" + Guid.NewGuid().ToString("N")[..8]);

        Assert.Null(latest);
    }

    [Fact]
    public async Task GetLatestAsync_OneWritten_ReturnsEveryField()
    {
        var store = CreateStore();
        var checkpoint = NewCheckpoint(3) with { Closed = true };

        await store.WriteAsync(checkpoint);

        Assert.Equal(checkpoint, await store.GetLatestAsync(checkpoint.TenantId, checkpoint.IncidentId));
    }

    [Fact]
    public async Task GetLatestAsync_WrittenOutOfOrder_IsTheHighestSequence()
    {
        var store = CreateStore();
        var first = NewCheckpoint(2);
        await store.WriteAsync(first);
        await store.WriteAsync(first with { Sequence = 12, Hash = "hash-12" });

        await store.WriteAsync(first with { Sequence = 7, Hash = "hash-7" });

        Assert.Equal(12, (await store.GetLatestAsync(first.TenantId, first.IncidentId))!.Sequence);
    }

    [Fact]
    public async Task WriteAsync_SameSequenceAgain_ReplacesIt()
    {
        var store = CreateStore();
        var checkpoint = NewCheckpoint(4);
        await store.WriteAsync(checkpoint);

        await store.WriteAsync(checkpoint with { Hash = "hash-4b", Closed = true });

        Assert.Equal(checkpoint with { Hash = "hash-4b", Closed = true }, await store.GetLatestAsync(checkpoint.TenantId, checkpoint.IncidentId));
    }

    [Fact]
    public async Task GetLatestAsync_OtherTenant_IsNull()
    {
        var store = CreateStore();
        var checkpoint = NewCheckpoint(1);
        await store.WriteAsync(checkpoint);

        var latest = await store.GetLatestAsync("T2", checkpoint.IncidentId);

        Assert.Null(latest);
    }
}
