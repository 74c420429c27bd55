using ChatOps.Core.Conversations;
using ChatOps.Core.Identity;

namespace ChatOps.Storage.Tests;

[Trait("Category", "Azurite")]
public class IndexStoresTests(StorageFixture fixture) : IClassFixture<StorageFixture>
{
    private static readonly ConversationKey Channel = new(ChannelKind.Slack, "T1", "C0/#?weird");

    [Fact]
    public async Task TryBindAsync_SecondActiveIncident_IsRefused()
    {
        var directory = new IncidentDirectoryTableStore(fixture.CreateTables());

        Assert.True(await directory.TryBindAsync(Channel, "INC-2026-0001", _ => Task.FromResult(true)));
        Assert.False(await directory.TryBindAsync(Channel, "INC-2026-0002", _ => Task.FromResult(true)));
        Assert.Equal("INC-2026-0001", await directory.FindAsync(Channel));
    }

    [Fact]
    public async Task TryBindAsync_PreviousIncidentClosed_ReplacesTheBinding()
    {
        var directory = new IncidentDirectoryTableStore(fixture.CreateTables());
        var channel = Channel with { ConversationId = "C-closed" };
        await directory.TryBindAsync(channel, "INC-2026-0001", _ => Task.FromResult(true));

        var bound = await directory.TryBindAsync(channel, "INC-2026-0002", id => Task.FromResult(id != "INC-2026-0001"));

        Assert.True(bound);
        Assert.Equal("INC-2026-0002", await directory.FindAsync(channel));
    }

    [Fact]
    public async Task UnbindAsync_OtherIncident_LeavesTheBinding()
    {
        var directory = new IncidentDirectoryTableStore(fixture.CreateTables());
        var channel = Channel with { ConversationId = "C-unbind" };
        await directory.TryBindAsync(channel, "INC-2026-0001", _ => Task.FromResult(true));

        await directory.UnbindAsync(channel, "INC-2026-0009");
        Assert.Equal("INC-2026-0001", await directory.FindAsync(channel));
        await directory.UnbindAsync(channel, "INC-2026-0001");
        Assert.Null(await directory.FindAsync(channel));
    }

    [Fact]
    public async Task TryClaimAsync_AnswerLostAndInsertRetriedBySdk_StillOurClaim()
    {
        var tables = fixture.CreateTables(configure: o => o.AddPolicy(new LoseFirstAnswerPolicy(), Azure.Core.HttpPipelinePosition.PerRetry));
        await tables.EnsureCreatedAsync(CancellationToken.None);
        var store = new IdempotencyTableStore(tables, TimeProvider.System);

        var claimed = await store.TryClaimAsync("teams-activity", "lost-answer-" + Guid.NewGuid().ToString("N"));

        Assert.True(claimed);
    }

    [Fact]
    public async Task TryClaimAsync_SameKeyTwice_OnlyFirstWins()
    {
        var store = new IdempotencyTableStore(fixture.CreateTables(), TimeProvider.System);

        var results = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => store.TryClaimAsync("slack-event", "Ev0PV52K25")));

        Assert.Single(results, r => r);
        Assert.True(await store.TryClaimAsync("slack-event", "Ev-other"));
        Assert.True(await store.TryClaimAsync("teams-activity", "Ev0PV52K25"));
    }

    [Fact]
    public async Task TryClaimAsync_ClaimOlderThanItsLifetime_CanBeClaimedAgain()
    {
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(DateTimeOffset.UtcNow);
        var store = new IdempotencyTableStore(fixture.CreateTables(), clock);
        var key = "expiring-" + Guid.NewGuid().ToString("N");
        Assert.True(await store.TryClaimAsync("slack-event", key));
        clock.Advance(new TableStorageOptions().IdempotencyClaimLifetime + TimeSpan.FromMinutes(1));

        var again = await store.TryClaimAsync("slack-event", key);

        Assert.True(again);
    }

    [Fact]
    public async Task TryClaimAsync_ClaimWithinItsLifetime_StaysClaimed()
    {
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(DateTimeOffset.UtcNow);
        var store = new IdempotencyTableStore(fixture.CreateTables(), clock);
        var key = "fresh-" + Guid.NewGuid().ToString("N");
        Assert.True(await store.TryClaimAsync("slack-event", key));
        clock.Advance(new TableStorageOptions().IdempotencyClaimLifetime - TimeSpan.FromMinutes(1));

        var again = await store.TryClaimAsync("slack-event", key);

        Assert.False(again);
    }

    [Fact]
    public async Task TryClaimAsync_ExpiredClaimTakenOverByFive_OnlyOneWins()
    {
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(DateTimeOffset.UtcNow);
        var tables = fixture.CreateTables();
        var store = new IdempotencyTableStore(tables, clock);
        var key = "race-" + Guid.NewGuid().ToString("N");
        Assert.True(await store.TryClaimAsync("slack-event", key));
        clock.Advance(TimeSpan.FromDays(2));

        var results = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => store.TryClaimAsync("slack-event", key)));

        Assert.Single(results, r => r);
    }

    [Fact]
    public async Task ConversationReferences_RoundTrip()
    {
        var store = new ConversationReferenceTableStore(fixture.CreateTables(), TimeProvider.System);
        var reference = new ConversationReference(ChannelKind.Teams, "tid", "a:1qhN", "29:dan", "https://smba.trafficmanager.net/amer/", "28:bot", "PatchBot");

        await store.UpsertPersonalAsync(reference);
        await store.UpsertAsync(reference);

        var personal = await store.GetPersonalAsync(ChannelKind.Teams, "tid", "29:dan");
        Assert.Equal(reference.ServiceUrl, personal!.ServiceUrl);
        Assert.Equal("a:1qhN", (await store.GetAsync(reference.Key))!.ConversationId);
        Assert.Null(await store.GetPersonalAsync(ChannelKind.Teams, "other-tenant", "29:dan"));
    }
}
