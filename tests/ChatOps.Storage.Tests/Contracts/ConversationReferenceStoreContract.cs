using ChatOps.Core.Conversations;
using ChatOps.Core.Identity;
using Microsoft.Extensions.Time.Testing;

namespace ChatOps.Storage.Tests.Contracts;

/// <summary>
/// The conversation reference port's contract: a reference per conversation and one per user's 1:1 chat, each
/// replaced by the next upsert, not found as null, and stamped with the store's clock when it carries no time.
/// </summary>
public abstract class ConversationReferenceStoreContract
{
    private static readonly DateTimeOffset Noon = new(2026, 3, 2, 12, 0, 0, TimeSpan.Zero);

    protected FakeTimeProvider Clock { get; } = new(Noon);

    protected abstract IConversationReferenceStore CreateStore();

    private static ConversationReference NewReference() => new(
        ChannelKind.Teams, "tid-" + Guid.NewGuid().ToString("N")[..8], "a:1qhN/#?" + Guid.NewGuid().ToString("N")[..8], "29:dan",
        "https://smba.trafficmanager.net/amer/", "28:bot", "PatchBot", Noon.AddMinutes(-5));

    [Fact]
    public async Task GetAsync_NeverStored_IsNull()
    {
        var store = CreateStore();

        var found = await store.GetAsync(NewReference().Key);

        Assert.Null(found);
    }

    [Fact]
    public async Task UpsertAsync_ThenGet_ReturnsEveryField()
    {
        var store = CreateStore();
        var reference = NewReference();

        await store.UpsertAsync(reference);

        Assert.Equal(reference, await store.GetAsync(reference.Key));
    }

    [Fact]
    public async Task UpsertAsync_Twice_TheSecondReplacesTheFirst()
    {
        var store = CreateStore();
        var reference = NewReference();
        await store.UpsertAsync(reference);

        await store.UpsertAsync(reference with { ServiceUrl = "https://smba.trafficmanager.net/emea/", BotName = null });

        var found = await store.GetAsync(reference.Key);
        Assert.Equal("https://smba.trafficmanager.net/emea/", found!.ServiceUrl);
        Assert.Null(found.BotName);
    }

    [Fact]
    public async Task UpsertAsync_WithoutTime_IsStampedWithTheClock()
    {
        var store = CreateStore();
        var reference = NewReference() with { UpdatedAt = null };

        await store.UpsertAsync(reference);

        Assert.Equal(Noon, (await store.GetAsync(reference.Key))!.UpdatedAt);
    }

    [Fact]
    public async Task UpsertAsync_Conversation_IsNoPersonalChat()
    {
        var store = CreateStore();
        var reference = NewReference();

        await store.UpsertAsync(reference);

        Assert.Null(await store.GetPersonalAsync(ChannelKind.Teams, reference.TenantId, "29:dan"));
    }

    [Fact]
    public async Task UpsertPersonalAsync_ThenGetPersonal_ReturnsEveryField()
    {
        var store = CreateStore();
        var reference = NewReference();

        await store.UpsertPersonalAsync(reference);

        Assert.Equal(reference, await store.GetPersonalAsync(ChannelKind.Teams, reference.TenantId, "29:dan"));
    }

    [Fact]
    public async Task GetPersonalAsync_OtherTenantOrChannel_IsNull()
    {
        var store = CreateStore();
        var reference = NewReference();
        await store.UpsertPersonalAsync(reference);

        var otherTenant = await store.GetPersonalAsync(ChannelKind.Teams, reference.TenantId + "-other", "29:dan");
        var otherChannel = await store.GetPersonalAsync(ChannelKind.Slack, reference.TenantId, "29:dan");

        Assert.Null(otherTenant);
        Assert.Null(otherChannel);
    }

    [Fact]
    public async Task UpsertPersonalAsync_WithoutUser_IsRefused()
    {
        var store = CreateStore();

        await Assert.ThrowsAsync<ArgumentException>(() => store.UpsertPersonalAsync(NewReference() with { UserId = null }));
    }
}
