using ChatOps.Core.Storage;

namespace ChatOps.Storage.Tests.Contracts;

/// <summary>
/// The intake queue's contract (Queue Storage's): a message is hidden while held, each take hands out a new receipt
/// and only the latest receipt deletes or releases, a released message is taken again with the same id and a higher
/// dequeue count. No test here waits for a visibility timeout to pass: hidden-for-zero stands for "visible now".
/// </summary>
public abstract class IntakeQueueContract
{
    private static readonly TimeSpan Held = TimeSpan.FromMinutes(1);

    protected abstract IIntakeQueue CreateQueue();

    [Fact]
    public async Task TakeAsync_MessageAddedHidden_TakesNothing()
    {
        var queue = CreateQueue();
        await queue.AddAsync("{\"n\":1}", Held);

        var taken = await queue.TakeAsync(32, Held);

        Assert.Empty(taken);
    }

    [Fact]
    public async Task TakeAsync_MessageAddedVisible_TakesItOnceWithItsIdAndBody()
    {
        var queue = CreateQueue();
        var receipt = await queue.AddAsync("{\"n\":2}", TimeSpan.Zero);

        var taken = Assert.Single(await queue.TakeAsync(32, Held));

        Assert.Equal((receipt.MessageId, "{\"n\":2}", 1L), (taken.Receipt.MessageId, taken.Body, taken.DequeueCount));
    }

    [Fact]
    public async Task TakeAsync_MessageJustTaken_IsHiddenFromTheNextTake()
    {
        var queue = CreateQueue();
        await queue.AddAsync("{\"n\":3}", TimeSpan.Zero);
        await queue.TakeAsync(32, Held);

        var again = await queue.TakeAsync(32, Held);

        Assert.Empty(again);
    }

    [Fact]
    public async Task TakeAsync_MoreVisibleThanMax_TakesMax()
    {
        var queue = CreateQueue();
        for (var n = 0; n < 3; n++)
        {
            await queue.AddAsync($"{{\"n\":{n}}}", TimeSpan.Zero);
        }

        var taken = await queue.TakeAsync(2, Held);

        Assert.Equal(2, taken.Count);
    }

    [Fact]
    public async Task ReleaseAsync_HeldMessage_IsTakenAgainWithTheSameIdAndAHigherCount()
    {
        var queue = CreateQueue();
        await queue.AddAsync("{\"n\":4}", TimeSpan.Zero);
        var first = Assert.Single(await queue.TakeAsync(32, Held));

        await queue.ReleaseAsync(first.Receipt);

        var second = Assert.Single(await queue.TakeAsync(32, Held));
        Assert.Equal((first.Receipt.MessageId, 2L), (second.Receipt.MessageId, second.DequeueCount));
    }

    [Fact]
    public async Task DeleteAsync_LatestReceipt_IsTrueAndTheMessageIsGone()
    {
        var queue = CreateQueue();
        var receipt = await queue.AddAsync("{\"n\":5}", Held);

        var deleted = await queue.DeleteAsync(receipt);

        Assert.True(deleted);
        await queue.ReleaseAsync(receipt);
        Assert.Empty(await queue.TakeAsync(32, Held));
    }

    [Fact]
    public async Task DeleteAsync_ReceiptOfAnEarlierTake_IsFalseAndTheMessageStays()
    {
        var queue = CreateQueue();
        var added = await queue.AddAsync("{\"n\":6}", TimeSpan.Zero);
        var taken = Assert.Single(await queue.TakeAsync(32, Held));

        var deleted = await queue.DeleteAsync(added);

        Assert.False(deleted);
        Assert.True(await queue.DeleteAsync(taken.Receipt));
    }

    [Fact]
    public async Task DeleteAsync_Twice_SecondIsFalse()
    {
        var queue = CreateQueue();
        var receipt = await queue.AddAsync("{\"n\":7}", Held);
        await queue.DeleteAsync(receipt);

        var again = await queue.DeleteAsync(receipt);

        Assert.False(again);
    }
}
