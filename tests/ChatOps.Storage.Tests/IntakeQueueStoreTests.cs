using ChatOps.Core.Storage;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Options;

namespace ChatOps.Storage.Tests;

/// <summary>The durable intake on Azurite's Queue service: hidden while held, taken again when not deleted, stale receipts cannot delete.</summary>
[Trait("Category", "Azurite")]
public class IntakeQueueStoreTests(StorageFixture fixture) : IClassFixture<StorageFixture>
{
    private IntakeQueueStore Queue(string prefix, FakeLogger<IntakeQueueStore>? logger = null) => new(Options.Create(new TableStorageOptions
    {
        ConnectionString = fixture.ConnectionString,
        TablePrefix = prefix,
        NetworkTimeout = TimeSpan.FromSeconds(5),
    }), logger);

    private static string NewPrefix() => "q" + Guid.NewGuid().ToString("N")[..12];

    [Fact]
    public async Task Add_HiddenWhileHeld_ThenDeletedIsGone()
    {
        var queue = Queue(NewPrefix());
        var receipt = await queue.AddAsync("{\"n\":1}", TimeSpan.FromMinutes(1));

        Assert.Empty(await queue.TakeAsync(32, TimeSpan.FromMinutes(1)));
        Assert.True(await queue.DeleteAsync(receipt));
        await queue.ReleaseAsync(receipt);
        Assert.Empty(await queue.TakeAsync(32, TimeSpan.FromMinutes(1)));
    }

    [Fact]
    public async Task Released_IsTakenByAnotherInstance_AndOnlyTheLatestReceiptDeletes()
    {
        var prefix = NewPrefix();
        var adder = Queue(prefix);
        var receipt = await adder.AddAsync("{\"n\":2}", TimeSpan.FromMinutes(1));
        await adder.ReleaseAsync(receipt);

        var taken = Assert.Single(await Queue(prefix).TakeAsync(32, TimeSpan.FromMinutes(1)));

        Assert.Equal(receipt.MessageId, taken.Receipt.MessageId);
        Assert.Equal("{\"n\":2}", taken.Body);
        Assert.Equal(1, taken.DequeueCount);
        Assert.False(await adder.DeleteAsync(receipt));
        Assert.True(await adder.DeleteAsync(taken.Receipt));
    }

    [Fact]
    public async Task NotDeleted_BecomesVisibleAgainAfterItsTimeout_WithTheSameId()
    {
        var queue = Queue(NewPrefix());
        var receipt = await queue.AddAsync("{\"n\":3}", TimeSpan.FromSeconds(1));

        IReadOnlyList<IntakeMessage> taken = [];
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (taken.Count == 0)
        {
            await Task.Delay(200, timeout.Token);
            taken = await queue.TakeAsync(32, TimeSpan.FromMinutes(1), timeout.Token);
        }

        Assert.Equal(receipt.MessageId, Assert.Single(taken).Receipt.MessageId);
    }

    [Fact]
    public async Task Add_BodyLargerThanAMessageHolds_RefusedAndNothingStored()
    {
        var queue = Queue(NewPrefix());

        var refused = await Assert.ThrowsAsync<EntityTooLargeException>(
            () => queue.AddAsync(new string('x', IntakeQueueStore.MaxBodyBytes + 1), TimeSpan.Zero));

        Assert.Contains("too large to keep", refused.Message, StringComparison.Ordinal);
        Assert.Empty(await queue.TakeAsync(32, TimeSpan.FromMinutes(1)));
    }

    [Fact]
    public async Task Logs_QueueCreatedOnce_TooLargeAndStaleReceipt()
    {
        var prefix = NewPrefix();
        var logger = new FakeLogger<IntakeQueueStore>();
        var queue = Queue(prefix, logger);
        var receipt = await queue.AddAsync("{\"n\":4}", TimeSpan.Zero);
        await Queue(prefix).TakeAsync(32, TimeSpan.FromMinutes(1));

        await Assert.ThrowsAsync<EntityTooLargeException>(() => queue.AddAsync(new string('x', IntakeQueueStore.MaxBodyBytes + 1), TimeSpan.Zero));
        Assert.False(await queue.DeleteAsync(receipt));

        Assert.Equal(["QueueCreated", "IntakeTooLarge", "IntakeReceiptStale"], logger.Collector.GetSnapshot().Select(r => r.Id.Name));
        Assert.Equal($"Created queue {prefix}intake", logger.Collector.GetSnapshot()[0].Message);
    }

    [Fact]
    public void QueueName_IsTheLowerCasePrefixAndIntake() =>
        Assert.Equal("chatopsintake", IntakeQueueStore.QueueName("ChatOps"));
}
