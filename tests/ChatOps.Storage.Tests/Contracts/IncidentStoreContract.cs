using ChatOps.Core.Decisions.Events;
using ChatOps.Core.Storage;
using ChatOps.Core.Workflow;
using Microsoft.Extensions.Time.Testing;

namespace ChatOps.Storage.Tests.Contracts;

/// <summary>
/// The incident store's contract: a commit is one write conditioned on the snapshot's ETag (null = must not exist yet),
/// a stale or missing ETag is a conflict that writes nothing, a touch changes the ETag and nothing else, a delivery key is applied once, decisions read back in
/// sequence order, and incident numbers count up per tenant and year. Incidents are written through the runner, as
/// the product writes them; the conditions are then tested on the store directly.
/// </summary>
public abstract class IncidentStoreContract
{
    protected FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 3, 2, 12, 0, 0, TimeSpan.Zero));

    protected abstract IIncidentStore CreateStore();

    private static string NewId() => "INC-2026-" + Guid.NewGuid().ToString("N")[..8];

    private async Task<(IIncidentStore Store, IncidentRunner Runner, string Id)> DeclaredAsync()
    {
        var store = CreateStore();
        var runner = new IncidentRunner(store, Clock);
        var id = NewId();
        await IncidentFactory.DeclareAsync(runner, id);
        return (store, runner, id);
    }

    private static Task<IncidentOutcome> NoteAsync(IncidentRunner runner, string id, string text, string? deliveryKey = null) =>
        runner.ChangeAsync("tenant-a", id, IncidentFactory.Alice, _ => Change.Record(new PendingEvent(new DecisionNoted(text))), deliveryKey);

    [Fact]
    public async Task GetAsync_NeverCommitted_IsNull()
    {
        var store = CreateStore();

        var found = await store.GetAsync("tenant-a", NewId());

        Assert.Null(found);
    }

    [Fact]
    public async Task GetAsync_OtherTenant_IsNull()
    {
        var (store, _, id) = await DeclaredAsync();

        var found = await store.GetAsync("tenant-b", id);

        Assert.Null(found);
    }

    [Fact]
    public async Task CommitAsync_Created_IsReadBackWithTheReturnedETag()
    {
        var (store, runner, id) = await DeclaredAsync();

        var outcome = await NoteAsync(runner, id, "Isolate mail01");

        var read = await store.GetAsync("tenant-a", id);
        Assert.Equal(OutcomeStatus.Applied, outcome.Status);
        Assert.Equal((id, outcome.Incident!.Version), (read!.Incident.Id, read.Incident.Version));
        Assert.False(string.IsNullOrEmpty(read.ETag));
    }

    [Fact]
    public async Task CommitAsync_CreateAgainWithoutETag_IsAConflict()
    {
        var (store, _, id) = await DeclaredAsync();
        var existing = await store.GetAsync("tenant-a", id);

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => store.CommitAsync(new IncidentCommit(existing!.Incident, null, [], [])));
    }

    [Fact]
    public async Task CommitAsync_StaleETag_IsAConflict()
    {
        var (store, runner, id) = await DeclaredAsync();
        var stale = await store.GetAsync("tenant-a", id);
        await NoteAsync(runner, id, "first");

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => store.CommitAsync(new IncidentCommit(stale!.Incident, stale.ETag, [], [])));
    }

    [Fact]
    public async Task TouchAsync_Incident_ReturnsTheNewETagAndKeepsTheState()
    {
        var (store, runner, id) = await DeclaredAsync();
        await NoteAsync(runner, id, "first");
        var before = await store.GetAsync("tenant-a", id);

        var etag = await store.TouchAsync("tenant-a", id);

        var after = await store.GetAsync("tenant-a", id);
        Assert.NotEqual(before!.ETag, etag);
        Assert.Equal(etag, after!.ETag);
        Assert.Equal(before.Incident.Version, after.Incident.Version);
        Assert.Equal(before.Incident.LastHash, after.Incident.LastHash);
    }

    [Fact]
    public async Task CommitAsync_ETagFromBeforeATouch_IsAConflict()
    {
        var (store, _, id) = await DeclaredAsync();
        var before = await store.GetAsync("tenant-a", id);
        await store.TouchAsync("tenant-a", id);

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => store.CommitAsync(new IncidentCommit(before!.Incident, before.ETag, [], [])));
    }

    [Fact]
    public async Task TouchAsync_NoSuchIncident_IsNull()
    {
        var store = CreateStore();

        Assert.Null(await store.TouchAsync("tenant-a", NewId()));
    }

    [Fact]
    public async Task CommitAsync_StaleETag_WritesNoneOfItsRecords()
    {
        var (store, runner, id) = await DeclaredAsync();
        var stale = await store.GetAsync("tenant-a", id);
        await NoteAsync(runner, id, "first");
        var before = await store.GetDecisionsAsync("tenant-a", id);
        var current = await store.GetAsync("tenant-a", id);
        var records = (await store.GetDecisionsAsync("tenant-a", id)).TakeLast(1).Select(r => r with { Sequence = r.Sequence + 1 }).ToList();

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => store.CommitAsync(new IncidentCommit(current!.Incident, stale!.ETag, records, [])));

        Assert.Equal(before.Count, (await store.GetDecisionsAsync("tenant-a", id)).Count);
    }

    [Fact]
    public async Task GetDecisionsAsync_NeverCommitted_IsEmpty()
    {
        var store = CreateStore();

        var records = await store.GetDecisionsAsync("tenant-a", NewId());

        Assert.Empty(records);
    }

    [Fact]
    public async Task GetDecisionsAsync_MoreThanTenChanges_AreInSequenceOrder()
    {
        var (store, runner, id) = await DeclaredAsync();
        for (var n = 1; n <= 11; n++)
        {
            await NoteAsync(runner, id, $"note {n}");
        }

        var records = await store.GetDecisionsAsync("tenant-a", id);

        Assert.Equal(12, records.Count);
        Assert.Equal(records.Select(r => r.Sequence).Order(), records.Select(r => r.Sequence));
    }

    [Fact]
    public async Task CommitAsync_DeliveryKeyAlreadyApplied_IsADuplicateDelivery()
    {
        var (store, runner, id) = await DeclaredAsync();
        await NoteAsync(runner, id, "Isolate mail01", "slack-command:T1:abc#1");
        var current = await store.GetAsync("tenant-a", id);

        await Assert.ThrowsAsync<DuplicateDeliveryException>(() =>
            store.CommitAsync(new IncidentCommit(current!.Incident, current.ETag, [], [], "slack-command:T1:abc#1")));
    }

    [Fact]
    public async Task CommitAsync_DeliveryKeyAlreadyAppliedWithStaleETag_IsADuplicateDelivery()
    {
        var (store, runner, id) = await DeclaredAsync();
        var stale = await store.GetAsync("tenant-a", id);
        await NoteAsync(runner, id, "Isolate mail01", "slack-command:T1:abc#1");

        await Assert.ThrowsAsync<DuplicateDeliveryException>(() =>
            store.CommitAsync(new IncidentCommit(stale!.Incident, stale.ETag, [], [], "slack-command:T1:abc#1")));
    }

    [Fact]
    public async Task CommitAsync_NewDeliveryKey_IsApplied()
    {
        var (_, runner, id) = await DeclaredAsync();
        await NoteAsync(runner, id, "Isolate mail01", "slack-command:T1:abc#1");

        var next = await NoteAsync(runner, id, "Isolate mail01", "slack-command:T1:abc#2");

        Assert.Equal(OutcomeStatus.Applied, next.Status);
    }

    [Fact]
    public async Task AllocateIncidentIdAsync_Twice_CountsUpWithinTheTenantAndYear()
    {
        var store = CreateStore();
        var tenant = "tid-" + Guid.NewGuid().ToString("N")[..8];

        var first = await store.AllocateIncidentIdAsync(tenant, 2026);
        var second = await store.AllocateIncidentIdAsync(tenant, 2026);

        Assert.Equal(("INC-2026-0001", "INC-2026-0002"), (first, second));
    }
}
