using ChatOps.Core.Alerts;

namespace ChatOps.Storage.Tests.Contracts;

/// <summary>
/// The alert tally's contract: an alert's firings start at one (the recorded first firing), each repeat adds one and
/// returns the new total, racing repeats are all counted, and each alert of each incident counts on its own.
/// </summary>
public abstract class AlertTallyContract
{
    protected abstract IAlertTally CreateTally();

    private static string NewIncident() => "INC-" + Guid.NewGuid().ToString("N")[..8];

    [Fact]
    public async Task GetAsync_NeverRepeated_IsOneFiring()
    {
        var tally = CreateTally();

        var firings = await tally.GetAsync("T1", NewIncident(), "alert-1");

        Assert.Equal(1, firings);
    }

    [Fact]
    public async Task AddRepeatAsync_Twice_ReturnsTwoThenThree()
    {
        var tally = CreateTally();
        var incident = NewIncident();

        int[] totals = [await tally.AddRepeatAsync("T1", incident, "alert-1"), await tally.AddRepeatAsync("T1", incident, "alert-1")];

        Assert.Equal([2, 3], totals);
    }

    [Fact]
    public async Task AddRepeatAsync_FiveRacing_AreAllCounted()
    {
        var tally = CreateTally();
        var incident = NewIncident();

        await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => tally.AddRepeatAsync("T1", incident, "alert-1")));

        Assert.Equal(6, await tally.GetAsync("T1", incident, "alert-1"));
    }

    [Fact]
    public async Task AddRepeatAsync_OneAlert_LeavesOtherAlertsAndIncidentsAlone()
    {
        var tally = CreateTally();
        var incident = NewIncident();

        await tally.AddRepeatAsync("T1", incident, "alert-1");

        Assert.Equal(1, await tally.GetAsync("T1", incident, "alert-2"));
        Assert.Equal(1, await tally.GetAsync("T1", NewIncident(), "alert-1"));
        Assert.Equal(1, await tally.GetAsync("T2", incident, "alert-1"));
    }
}
