namespace ChatOps.Storage.Tests;

[Trait("Category", "Azurite")]
public class AlertTallyTableStoreTests(StorageFixture fixture) : IClassFixture<StorageFixture>
{
    [Fact]
    public async Task GetAsync_NeverRepeated_IsOneFiring()
    {
        var store = new AlertTallyTableStore(fixture.CreateTables());

        Assert.Equal(1, await store.GetAsync("tenant/#?1", "INC-2026-0001", "AL1"));
    }

    [Fact]
    public async Task AddRepeatAsync_TwiceThenGet_CountsTheFirstFiringAndBothRepeats()
    {
        var store = new AlertTallyTableStore(fixture.CreateTables());

        var second = await store.AddRepeatAsync("tenant-t", "INC-2026-0002", "AL1");
        var third = await store.AddRepeatAsync("tenant-t", "INC-2026-0002", "AL1");

        Assert.Equal((2, 3), (second, third));
        Assert.Equal(3, await store.GetAsync("tenant-t", "INC-2026-0002", "AL1"));
        Assert.Equal(1, await store.GetAsync("tenant-t", "INC-2026-0002", "AL2"));
    }

    [Fact]
    public async Task AddRepeatAsync_ConcurrentRepeats_AreAllCounted()
    {
        var tables = fixture.CreateTables();

        await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => new AlertTallyTableStore(tables).AddRepeatAsync("tenant-c", "INC-2026-0003", "AL1")));

        Assert.Equal(11, await new AlertTallyTableStore(tables).GetAsync("tenant-c", "INC-2026-0003", "AL1"));
    }
}
