using ChatOps.Core.Conversations;
using ChatOps.Core.Identity;

namespace ChatOps.Storage.Tests.Contracts;

/// <summary>
/// The posted card port's contract: one place per card key, channel and tenant; recording again replaces it; a card
/// never recorded there reads as null.
/// </summary>
public abstract class PostedCardStoreContract
{
    protected abstract IPostedCardStore CreateStore();

    private static string NewKey() => "approval/INC-2026-0001/" + Guid.NewGuid().ToString("N");

    [Fact]
    public async Task FindAsync_NeverRecorded_IsNull()
    {
        var store = CreateStore();

        var found = await store.FindAsync(ChannelKind.Teams, "tid", NewKey());

        Assert.Null(found);
    }

    [Fact]
    public async Task RecordAsync_ThenFind_ReturnsEveryField()
    {
        var store = CreateStore();
        var key = NewKey();
        var card = new PostedCard(ChannelKind.Teams, "tid", "19:abc@thread.tacv2", "1700000000000", "https://smba.trafficmanager.net/amer/");

        await store.RecordAsync(key, card);

        Assert.Equal(card, await store.FindAsync(ChannelKind.Teams, "tid", key));
    }

    [Fact]
    public async Task RecordAsync_Again_ReplacesThePlace()
    {
        var store = CreateStore();
        var key = NewKey();
        await store.RecordAsync(key, new PostedCard(ChannelKind.Slack, "T1", "C1", "1700000000.000100"));

        await store.RecordAsync(key, new PostedCard(ChannelKind.Slack, "T1", "C1", "1700000000.000200"));

        Assert.Equal("1700000000.000200", (await store.FindAsync(ChannelKind.Slack, "T1", key))!.MessageId);
    }

    [Fact]
    public async Task FindAsync_OtherChannelOrTenant_IsNull()
    {
        var store = CreateStore();
        var key = NewKey();
        await store.RecordAsync(key, new PostedCard(ChannelKind.Slack, "T1", "C1", "1700000000.000100"));

        var otherChannel = await store.FindAsync(ChannelKind.Teams, "T1", key);
        var otherTenant = await store.FindAsync(ChannelKind.Slack, "T2", key);

        Assert.Null(otherChannel);
        Assert.Null(otherTenant);
    }
}
