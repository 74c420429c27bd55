using ChatOps.Core.Identity;
using ChatOps.Core.Notifications;

namespace ChatOps.Storage.Tests.Contracts;

/// <summary>
/// The subscription port's contract: a user is subscribed to an audience once however often they subscribe; the
/// audience name is not case-sensitive; unsubscribing says whether there was a subscription to remove.
/// </summary>
public abstract class SubscriptionStoreContract
{
    protected abstract ISubscriptionStore CreateStore();

    private static string NewTenant() => "T" + Guid.NewGuid().ToString("N")[..10];

    [Fact]
    public async Task ListAsync_NobodySubscribed_IsEmpty()
    {
        var store = CreateStore();

        var users = await store.ListAsync(ChannelKind.Slack, NewTenant(), "executives");

        Assert.Empty(users);
    }

    [Fact]
    public async Task SubscribeAsync_Twice_ListsTheUserOnce()
    {
        var store = CreateStore();
        var tenant = NewTenant();
        await store.SubscribeAsync(ChannelKind.Slack, tenant, "executives", "U1");

        await store.SubscribeAsync(ChannelKind.Slack, tenant, "executives", "U1");

        Assert.Equal(["U1"], await store.ListAsync(ChannelKind.Slack, tenant, "executives"));
    }

    [Fact]
    public async Task SubscribeAsync_TwoUsers_ListsBoth()
    {
        var store = CreateStore();
        var tenant = NewTenant();
        await store.SubscribeAsync(ChannelKind.Slack, tenant, "executives", "U1");

        await store.SubscribeAsync(ChannelKind.Slack, tenant, "executives", "U2/#?");

        Assert.Equal(["U1", "U2/#?"], (await store.ListAsync(ChannelKind.Slack, tenant, "executives")).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task ListAsync_AudienceInAnotherCase_FindsTheSubscription()
    {
        var store = CreateStore();
        var tenant = NewTenant();
        await store.SubscribeAsync(ChannelKind.Slack, tenant, "Executives", "U1");

        var users = await store.ListAsync(ChannelKind.Slack, tenant, "executives");

        Assert.Equal(["U1"], users);
    }

    [Fact]
    public async Task ListAsync_OtherAudienceChannelOrTenant_IsEmpty()
    {
        var store = CreateStore();
        var tenant = NewTenant();
        await store.SubscribeAsync(ChannelKind.Slack, tenant, "executives", "U1");

        Assert.Empty(await store.ListAsync(ChannelKind.Slack, tenant, "customers"));
        Assert.Empty(await store.ListAsync(ChannelKind.Teams, tenant, "executives"));
        Assert.Empty(await store.ListAsync(ChannelKind.Slack, tenant + "x", "executives"));
    }

    [Fact]
    public async Task UnsubscribeAsync_Subscribed_IsTrueAndRemovesTheUser()
    {
        var store = CreateStore();
        var tenant = NewTenant();
        await store.SubscribeAsync(ChannelKind.Slack, tenant, "executives", "U1");

        var removed = await store.UnsubscribeAsync(ChannelKind.Slack, tenant, "executives", "U1");

        Assert.True(removed);
        Assert.Empty(await store.ListAsync(ChannelKind.Slack, tenant, "executives"));
    }

    [Fact]
    public async Task UnsubscribeAsync_NotSubscribed_IsFalse()
    {
        var store = CreateStore();

        var removed = await store.UnsubscribeAsync(ChannelKind.Slack, NewTenant(), "executives", "U1");

        Assert.False(removed);
    }
}
