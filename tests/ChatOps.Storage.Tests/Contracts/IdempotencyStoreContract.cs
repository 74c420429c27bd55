using ChatOps.Core.Idempotency;

namespace ChatOps.Storage.Tests.Contracts;

/// <summary>
/// The idempotency port's contract: a key is claimed once per scope, by one of any number of racing claimants, and a
/// claim taken again under the id it was first taken with is still the holder's.
/// </summary>
public abstract class IdempotencyStoreContract
{
    protected abstract IIdempotencyStore CreateStore();

    private static string NewKey() => "Ev" + Guid.NewGuid().ToString("N");

    [Fact]
    public async Task TryClaimAsync_FirstClaim_IsTrue()
    {
        var store = CreateStore();

        var claimed = await store.TryClaimAsync("slack-event", NewKey());

        Assert.True(claimed);
    }

    [Fact]
    public async Task TryClaimAsync_SameKeyAgain_IsFalse()
    {
        var store = CreateStore();
        var key = NewKey();
        await store.TryClaimAsync("slack-event", key);

        var again = await store.TryClaimAsync("slack-event", key);

        Assert.False(again);
    }

    [Fact]
    public async Task TryClaimAsync_SameKeyInAnotherScope_IsTrue()
    {
        var store = CreateStore();
        var key = NewKey();
        await store.TryClaimAsync("slack-event", key);

        var other = await store.TryClaimAsync("teams-activity", key);

        Assert.True(other);
    }

    [Fact]
    public async Task TryClaimAsync_FiveRacingClaimsOfOneKey_OnlyOneWins()
    {
        var store = CreateStore();
        var key = NewKey();

        var results = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => store.TryClaimAsync("slack-event", key)));

        Assert.Single(results, r => r);
    }

    [Fact]
    public async Task TryClaimAsync_SameClaimIdAgain_IsStillTheHolders()
    {
        var store = CreateStore();
        var key = NewKey();
        await store.TryClaimAsync("slack-event", key, "intake-m1");

        var again = await store.TryClaimAsync("slack-event", key, "intake-m1");

        Assert.True(again);
    }

    [Fact]
    public async Task TryClaimAsync_AnotherClaimId_IsFalse()
    {
        var store = CreateStore();
        var key = NewKey();
        await store.TryClaimAsync("slack-event", key, "intake-m1");

        var other = await store.TryClaimAsync("slack-event", key, "intake-m2");

        Assert.False(other);
    }

    [Fact]
    public async Task TryClaimAsync_WithClaimIdAfterAPlainClaim_IsFalse()
    {
        var store = CreateStore();
        var key = NewKey();
        await store.TryClaimAsync("slack-event", key);

        var withId = await store.TryClaimAsync("slack-event", key, "intake-m1");

        Assert.False(withId);
    }
}
