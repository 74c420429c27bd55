using ChatOps.Core.Conversations;
using ChatOps.Core.Identity;

namespace ChatOps.Storage.Tests;

[Trait("Category", "Azurite")]
public class PostedCardTableStoreTests(StorageFixture fixture) : IClassFixture<StorageFixture>
{
    private const string Key = "approval|INC-2026-0001|A1";

    [Fact]
    public async Task RecordAsync_ThenFind_ReturnsWhereTheCardWasPosted()
    {
        var store = new PostedCardTableStore(fixture.CreateTables());
        var card = new PostedCard(ChannelKind.Teams, "tenant/#?1", "19:abc@thread.tacv2;messageid=17", "1759944781430", "https://smba.trafficmanager.net/amer/");

        await store.RecordAsync(Key, card);

        Assert.Equal(card, await store.FindAsync(ChannelKind.Teams, "tenant/#?1", Key));
    }

    [Fact]
    public async Task FindAsync_OtherChannelOrTenant_IsNull()
    {
        var store = new PostedCardTableStore(fixture.CreateTables());
        await store.RecordAsync(Key, new PostedCard(ChannelKind.Slack, "T1", "C1", "1700000000.000100"));

        Assert.Null(await store.FindAsync(ChannelKind.Teams, "T1", Key));
        Assert.Null(await store.FindAsync(ChannelKind.Slack, "T2", Key));
        Assert.NotNull(await store.FindAsync(ChannelKind.Slack, "T1", Key));
    }

    [Fact]
    public async Task RecordAsync_SameCardAgain_ReplacesTheLocation()
    {
        var store = new PostedCardTableStore(fixture.CreateTables());
        await store.RecordAsync(Key, new PostedCard(ChannelKind.Slack, "T3", "C1", "1700000000.000100"));

        await store.RecordAsync(Key, new PostedCard(ChannelKind.Slack, "T3", "C2", "1700000000.000200"));

        Assert.Equal(("C2", "1700000000.000200"), (await store.FindAsync(ChannelKind.Slack, "T3", Key)) is { } c ? (c.ConversationId, c.MessageId) : default);
    }
}
