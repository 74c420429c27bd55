using ChatOps.Bot.Background;
using ChatOps.Core.Conversations;
using ChatOps.Core.Decisions;
using ChatOps.Core.Identity;
using ChatOps.Core.Incidents;
using ChatOps.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace ChatOps.Bot.Tests.Background;

/// <summary>The host's checkpoint worker writes the pending checkpoints every Audit:CheckpointInterval and when it stops.</summary>
public sealed class CheckpointWorkerTests : IDisposable
{
    private const string Tenant = "tenant-1";
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(2);
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero));
    private readonly InMemoryAuditCheckpointStore _store = new();
    private readonly AuditCheckpoints _checkpoints;
    private readonly CheckpointWorker _worker;

    public CheckpointWorkerTests()
    {
        var options = Options.Create(new AuditOptions { Key = "checkpoint-worker-tests-audit-key-0123456789", CheckpointInterval = Interval });
        _checkpoints = new AuditCheckpoints(new AuditCheckpointSigner(options), _store);
        _worker = new CheckpointWorker(_checkpoints, options, _time, NullLogger<CheckpointWorker>.Instance);
    }

    [Fact]
    public async Task Interval_Elapsed_WritesTheNewestPendingHead()
    {
        await _worker.StartAsync(CancellationToken.None);
        await _checkpoints.WriteAsync(Head("INC-1", 3));
        await _checkpoints.WriteAsync(Head("INC-1", 4));

        _time.Advance(Interval - TimeSpan.FromMilliseconds(1));
        await Task.Delay(100);
        Assert.Empty(_store.Written);

        _time.Advance(TimeSpan.FromMilliseconds(1));
        await WaitUntilAsync(() => _store.Written.Count > 0);

        Assert.Equal(4, Assert.Single(_store.Written).Sequence);
        Assert.Equal(0, _checkpoints.PendingCount);
        await _worker.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Interval_FlushFailed_TheNextIntervalWritesIt()
    {
        await _worker.StartAsync(CancellationToken.None);
        await _checkpoints.WriteAsync(Head("INC-1", 3));
        var attempts = 0;
        _store.BeforeWrite = _ => Interlocked.Increment(ref attempts) == 1 ? throw new Core.Storage.StorageUnavailableException("away") : Task.CompletedTask;

        _time.Advance(Interval);
        await WaitUntilAsync(() => Volatile.Read(ref attempts) == 1);
        Assert.Empty(_store.Written);
        Assert.Equal(1, _checkpoints.PendingCount);

        _time.Advance(Interval);
        await WaitUntilAsync(() => _store.Written.Count > 0);
        Assert.Equal(3, Assert.Single(_store.Written).Sequence);
        await _worker.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Stop_WritesWhatIsPending()
    {
        await _worker.StartAsync(CancellationToken.None);
        await _checkpoints.WriteAsync(Head("INC-1", 3));
        await _checkpoints.WriteAsync(Head("INC-2", 7));

        await _worker.StopAsync(CancellationToken.None);

        Assert.Equal([("INC-1", 3L), ("INC-2", 7L)], _store.Written.Select(c => (c.IncidentId, c.Sequence)).Order());
        Assert.Equal(0, _checkpoints.PendingCount);
    }

    [Fact]
    public async Task Stopped_WritesWhatOtherServicesCommittedAfterStop()
    {
        await _worker.StartAsync(CancellationToken.None);
        await _worker.StopAsync(CancellationToken.None);
        await _checkpoints.WriteAsync(Head("INC-1", 5));

        await _worker.StoppedAsync(CancellationToken.None);

        Assert.Equal(5, Assert.Single(_store.Written).Sequence);
    }

    private static Incident Head(string id, long version) => new()
    {
        TenantId = Tenant, Id = id, Conversation = new ConversationKey(ChannelKind.Teams, Tenant, "19:c@thread.tacv2"),
        DeclaredBy = new Participant("29:alice", "Alice"), Version = version, LastHash = "hash-" + version,
    };

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "timed out");
            await Task.Delay(10);
        }
    }

    public void Dispose() => _worker.Dispose();
}
