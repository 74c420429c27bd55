using ChatOps.Core.Identity;
using ChatOps.Core.Notifications;
using ChatOps.Core.Storage;
using ChatOps.Core.Workflow;
using Microsoft.Extensions.Time.Testing;

namespace ChatOps.Storage.Tests.Contracts;

/// <summary>
/// The delivery store's contract: an outbox row committed with a notice is pending until expanded, expansion makes
/// one pending row per recipient and adds nothing twice, a due row is claimed with an ETag-conditioned lease that a
/// second claimer loses, and a row ends sent, retried at its next attempt, or dead. Rows are filtered by incident, as
/// the Table store's tables are shared by a test class.
/// </summary>
public abstract class DeliveryStoreContract
{
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(1);

    protected FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 3, 2, 12, 0, 0, TimeSpan.Zero));

    protected abstract (IIncidentStore Incidents, IDeliveryStore Deliveries) CreateStores();

    private static Recipient User(string id) => new(ChannelKind.Teams, "tenant-a", RecipientKind.User, id);

    /// <summary>An incident with one published notice; its outbox row as the store lists it.</summary>
    private async Task<(IDeliveryStore Deliveries, PendingOutbox Outbox)> PublishedAsync()
    {
        var (incidents, deliveries) = CreateStores();
        var runner = new IncidentRunner(incidents, Clock);
        var id = "INC-2026-" + Guid.NewGuid().ToString("N")[..8];
        await IncidentFactory.DeclareAsync(runner, id);
        var factory = new NoticeFactory(new NotificationOptions());
        await runner.ChangeAsync("tenant-a", id, IncidentFactory.Alice, i => factory.Publish(i, ["it"], "hello", Clock.GetUtcNow()));
        var outbox = (await deliveries.GetPendingOutboxAsync(1000)).Single(o => o.IncidentId == id);
        return (deliveries, outbox);
    }

    private async Task<(IDeliveryStore Deliveries, Delivery Due)> DueAsync()
    {
        var (deliveries, outbox) = await PublishedAsync();
        await deliveries.ExpandAsync(outbox, [User("29:x")]);
        return (deliveries, await DueOfAsync(deliveries, outbox.IncidentId, Clock.GetUtcNow()) ?? throw new InvalidOperationException("Nothing due."));
    }

    private static async Task<Delivery?> DueOfAsync(IDeliveryStore deliveries, string incidentId, DateTimeOffset now) =>
        (await deliveries.GetDueAsync(now, 1000)).SingleOrDefault(d => d.IncidentId == incidentId);

    private static async Task<Delivery> StoredAsync(IDeliveryStore deliveries, Delivery delivery) =>
        Assert.Single(await deliveries.ListAsync(delivery.TenantId, delivery.IncidentId, delivery.NoticeId));

    [Fact]
    public async Task GetPendingOutboxAsync_NoticeCommitted_ListsItsRowWithTheNotice()
    {
        var (_, outbox) = await PublishedAsync();

        var notice = Notice.Read(outbox.Payload);

        Assert.Equal(("tenant-a", "it"), (outbox.TenantId, notice.Audience));
    }

    [Fact]
    public async Task ExpandAsync_Recipients_OnePendingRowEach()
    {
        var (deliveries, outbox) = await PublishedAsync();

        await deliveries.ExpandAsync(outbox, [User("29:x"), User("29:y")]);

        var rows = await deliveries.ListAsync("tenant-a", outbox.IncidentId, Notice.Read(outbox.Payload).NoticeId);
        Assert.Equal(["29:x", "29:y"], rows.Select(r => r.Recipient.Id).Order());
        Assert.All(rows, r => Assert.Equal((DeliveryStatus.Pending, 0), (r.Status, r.Attempts)));
    }

    [Fact]
    public async Task ExpandAsync_OutboxRow_IsNoLongerPending()
    {
        var (deliveries, outbox) = await PublishedAsync();

        await deliveries.ExpandAsync(outbox, [User("29:x")]);

        Assert.DoesNotContain(await deliveries.GetPendingOutboxAsync(1000), o => o.IncidentId == outbox.IncidentId);
    }

    [Fact]
    public async Task ExpandAsync_Again_AddsNoRowTwiceAndLeavesExistingRowsAsTheyAre()
    {
        var (deliveries, outbox) = await PublishedAsync();
        await deliveries.ExpandAsync(outbox, [User("29:x")]);
        var claimed = await deliveries.TryClaimAsync((await DueOfAsync(deliveries, outbox.IncidentId, Clock.GetUtcNow()))!, "one", Clock.GetUtcNow() + Lease);

        await deliveries.ExpandAsync(outbox, [User("29:x"), User("29:y")]);

        var rows = await deliveries.ListAsync("tenant-a", outbox.IncidentId, Notice.Read(outbox.Payload).NoticeId);
        Assert.Equal(2, rows.Count);
        Assert.Equal("one", rows.Single(r => r.Recipient.Id == "29:x").LeaseOwner);
        Assert.NotNull(claimed);
    }

    [Fact]
    public async Task GetDueAsync_Expanded_ListsTheRowAsPendingAndUnleased()
    {
        var (_, due) = await DueAsync();

        Assert.Equal((DeliveryStatus.Pending, null, null), (due.Status, due.LeaseOwner, due.LeaseUntil));
    }

    [Fact]
    public async Task TryClaimAsync_FreeRow_ReturnsItLeasedToTheOwner()
    {
        var (deliveries, due) = await DueAsync();

        var claimed = await deliveries.TryClaimAsync(due, "one", Clock.GetUtcNow() + Lease);

        Assert.Equal(("one", Clock.GetUtcNow() + Lease), (claimed!.LeaseOwner, claimed.LeaseUntil));
    }

    [Fact]
    public async Task TryClaimAsync_SecondClaimerOfTheSameRead_GetsNull()
    {
        var (deliveries, due) = await DueAsync();
        await deliveries.TryClaimAsync(due, "one", Clock.GetUtcNow() + Lease);

        var second = await deliveries.TryClaimAsync(due, "two", Clock.GetUtcNow() + Lease);

        Assert.Null(second);
    }

    [Fact]
    public async Task GetDueAsync_LeasedRow_IsNotDueUntilTheLeaseEnds()
    {
        var (deliveries, due) = await DueAsync();
        await deliveries.TryClaimAsync(due, "one", Clock.GetUtcNow() + Lease);

        var during = await DueOfAsync(deliveries, due.IncidentId, Clock.GetUtcNow());
        var after = await DueOfAsync(deliveries, due.IncidentId, Clock.GetUtcNow() + Lease);

        Assert.Null(during);
        Assert.NotNull(after);
    }

    [Fact]
    public async Task MarkSentAsync_ClaimedRow_IsSentAndNoLongerDue()
    {
        var (deliveries, due) = await DueAsync();
        var claimed = await deliveries.TryClaimAsync(due, "one", Clock.GetUtcNow() + Lease);

        await deliveries.MarkSentAsync(claimed!, Clock.GetUtcNow());

        Assert.Equal(DeliveryStatus.Sent, (await StoredAsync(deliveries, due)).Status);
        Assert.Null(await DueOfAsync(deliveries, due.IncidentId, Clock.GetUtcNow() + Lease));
    }

    [Fact]
    public async Task MarkSentAsync_AfterAnotherTookTheRowOver_LeavesTheirLease()
    {
        var (deliveries, due) = await DueAsync();
        var mine = await deliveries.TryClaimAsync(due, "one", Clock.GetUtcNow() + Lease);
        var later = (await DueOfAsync(deliveries, due.IncidentId, Clock.GetUtcNow() + Lease))!;
        await deliveries.TryClaimAsync(later, "two", Clock.GetUtcNow() + (2 * Lease));

        await deliveries.MarkSentAsync(mine!, Clock.GetUtcNow());

        var stored = await StoredAsync(deliveries, due);
        Assert.Equal((DeliveryStatus.Pending, "two"), (stored.Status, stored.LeaseOwner));
    }

    [Fact]
    public async Task MarkFailedAsync_WithNextAttempt_IsDueAgainThenAndNotBefore()
    {
        var (deliveries, due) = await DueAsync();
        var claimed = await deliveries.TryClaimAsync(due, "one", Clock.GetUtcNow() + Lease);
        var retryAt = Clock.GetUtcNow().AddMinutes(5);

        await deliveries.MarkFailedAsync(claimed! with { Attempts = 1 }, "429 throttled", retryAt);

        Assert.Null(await DueOfAsync(deliveries, due.IncidentId, retryAt.AddSeconds(-1)));
        var again = await DueOfAsync(deliveries, due.IncidentId, retryAt);
        Assert.Equal((DeliveryStatus.Pending, 1, "429 throttled", null), (again!.Status, again.Attempts, again.LastError, again.LeaseOwner));
    }

    [Fact]
    public async Task MarkFailedAsync_WithoutNextAttempt_IsDeadAndNeverDue()
    {
        var (deliveries, due) = await DueAsync();
        var claimed = await deliveries.TryClaimAsync(due, "one", Clock.GetUtcNow() + Lease);

        await deliveries.MarkFailedAsync(claimed! with { Attempts = 5 }, "403 forbidden", null);

        var stored = await StoredAsync(deliveries, due);
        Assert.Equal((DeliveryStatus.Dead, 5, "403 forbidden"), (stored.Status, stored.Attempts, stored.LastError));
        Assert.Null(await DueOfAsync(deliveries, due.IncidentId, Clock.GetUtcNow().AddDays(1)));
    }
}
