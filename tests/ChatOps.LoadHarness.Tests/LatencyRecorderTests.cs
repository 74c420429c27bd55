using System.Diagnostics;
using ChatOps.LoadHarness;

namespace ChatOps.LoadHarness.Tests;

public sealed class LatencyRecorderTests
{
    [Fact]
    public void Result_OneToHundredMilliseconds_NearestRankPercentiles()
    {
        var recorder = new LatencyRecorder(100);
        foreach (var ms in Enumerable.Range(1, 100).Reverse())
            recorder.Add(ms * Stopwatch.Frequency / 1000, 200, refused: false);

        var result = recorder.Result(TimeSpan.FromSeconds(2));

        Assert.Equal((50.0, 95.0, 99.0, 100.0), (Math.Round(result.P50), Math.Round(result.P95), Math.Round(result.P99), Math.Round(result.Max)));
        Assert.Equal(50, result.Throughput);
    }

    [Fact]
    public void Result_FailuresAndRefusals_CountedApart()
    {
        var recorder = new LatencyRecorder(4);
        recorder.Add(1, 200, refused: false);
        recorder.Add(1, 200, refused: true);
        recorder.Add(1, 401, refused: false);
        recorder.Add(1, 0, refused: false);

        var result = recorder.Result(TimeSpan.FromSeconds(1));

        Assert.Equal((4, 2L, 1L), (result.Requests, result.Succeeded, result.Refused));
        Assert.Equal(new Dictionary<string, long> { ["200"] = 2, ["401"] = 1, ["error"] = 1 }, result.Statuses);
    }
}
