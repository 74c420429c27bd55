using ChatOps.Core.Identity;
using ChatOps.Core.Notifications;
using ChatOps.Core.Workflow;
using Microsoft.Extensions.Time.Testing;

namespace ChatOps.Storage.Tests;

[Trait("Category", "Azurite")]
public class DeliveryTableStoreTests(StorageFixture fixture) : IClassFixture<StorageFixture>
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 28, 5, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task Expand_TwiceAfterACrash_CreatesEachDeliveryOnce()
    {
        var (deliveries, outbox) = await ArrangeAsync("INC-2026-0500");
        var recipients = Enumerable.Range(0, 150).Select(i => new Recipient(ChannelKind.Teams, "tenant-a", RecipientKind.User, $"29:u{i}")).ToList();

        // The first run dies after writing part of the rows (before marking the outbox row expanded).
        await deliveries.ExpandAsync(outbox with { ETag = "W/\"stale\"" }, recipients.Take(120).ToList());
        await deliveries.ExpandAsync(outbox, recipients);

        var rows = await deliveries.ListAsync("tenant-a", "INC-2026-0500", "N1");
        Assert.Equal(150, rows.Count);
        Assert.DoesNotContain(await deliveries.GetPendingOutboxAsync(1000), o => o.IncidentId == "INC-2026-0500");
    }

    [Fact]
    public async Task TryClaim_SecondDispatcher_LosesUntilTheLeaseEnds()
    {
        var (deliveries, outbox) = await ArrangeAsync("INC-2026-0501");
        await deliveries.ExpandAsync(outbox, [new Recipient(ChannelKind.Teams, "tenant-a", RecipientKind.User, "29:x")]);
        var due = (await deliveries.GetDueAsync(_time.GetUtcNow(), 1000)).Single(d => d.IncidentId == "INC-2026-0501");

        var first = await deliveries.TryClaimAsync(due, "one", _time.GetUtcNow().AddMinutes(1));
        var second = await deliveries.TryClaimAsync(due, "two", _time.GetUtcNow().AddMinutes(1));
        var duringLease = await deliveries.GetDueAsync(_time.GetUtcNow(), 1000);
        var afterLease = await deliveries.GetDueAsync(_time.GetUtcNow().AddMinutes(2), 1000);

        Assert.NotNull(first);
        Assert.Null(second);
        Assert.DoesNotContain(duringLease, d => d.IncidentId == "INC-2026-0501");
        Assert.Contains(afterLease, d => d.IncidentId == "INC-2026-0501");
        await deliveries.MarkSentAsync(first, _time.GetUtcNow());
        Assert.Equal(DeliveryStatus.Sent, (await deliveries.ListAsync("tenant-a", "INC-2026-0501", "N1")).Single().Status);
    }

    private async Task<(DeliveryTableStore Deliveries, PendingOutbox Outbox)> ArrangeAsync(string id)
    {
        var tables = fixture.CreateTables();
        var store = new IncidentTableStore(tables, _time);
        var runner = new IncidentRunner(store, _time);
        var declared = await IncidentFactory.DeclareAsync(runner, id);
        var factory = new NoticeFactory(new NotificationOptions());
        await runner.ChangeAsync("tenant-a", id, IncidentFactory.Alice, i => factory.Publish(i, ["it"], "hello", _time.GetUtcNow()));
        var deliveries = new DeliveryTableStore(tables);
        var outbox = (await deliveries.GetPendingOutboxAsync(1000)).Single(o => o.IncidentId == id);
        Assert.NotNull(declared.Incident);
        return (deliveries, outbox);
    }
}
