using System.Collections.Concurrent;
using System.Diagnostics;

namespace ChatOps.LoadHarness;

/// <summary>Latencies (Stopwatch ticks) and status codes of one run; thread-safe, preallocated.</summary>
internal sealed class LatencyRecorder(int capacity)
{
    private readonly long[] _ticks = new long[capacity];
    private readonly ConcurrentDictionary<int, long> _statuses = new();
    private int _count;
    private long _refused;
    private long _taken = -1;

    /// <summary>The number of the next request to send (0, 1, …), counted over every run into this recorder.</summary>
    public long Take() => Interlocked.Increment(ref _taken);

    public void Add(long ticks, int status, bool refused)
    {
        var i = Interlocked.Increment(ref _count) - 1;
        if (i < _ticks.Length)
            _ticks[i] = ticks;
        _statuses.AddOrUpdate(status, 1, (_, n) => n + 1);
        if (refused)
            Interlocked.Increment(ref _refused);
    }

    public LoadResult Result(TimeSpan elapsed)
    {
        var n = Math.Min(Volatile.Read(ref _count), _ticks.Length);
        var sorted = _ticks[..n];
        Array.Sort(sorted);
        double Ms(double q) => n == 0 ? 0 : sorted[Math.Min(n - 1, (int)Math.Ceiling(q * n) - 1)] * 1000.0 / Stopwatch.Frequency;
        var ok = _statuses.Where(s => s.Key is >= 200 and < 300).Sum(s => s.Value);
        return new LoadResult(
            n,
            ok,
            Interlocked.Read(ref _refused),
            elapsed.TotalSeconds,
            n / elapsed.TotalSeconds,
            Ms(0.50),
            Ms(0.95),
            Ms(0.99),
            n == 0 ? 0 : sorted[^1] * 1000.0 / Stopwatch.Frequency,
            _statuses.OrderBy(s => s.Key).ToDictionary(s => s.Key == 0 ? "error" : s.Key.ToString(System.Globalization.CultureInfo.InvariantCulture), s => s.Value));
    }
}

/// <summary>What one run measured; latencies in milliseconds.</summary>
internal sealed record LoadResult(
    int Requests,
    long Succeeded,
    long Refused,
    double Seconds,
    double Throughput,
    double P50,
    double P95,
    double P99,
    double Max,
    IReadOnlyDictionary<string, long> Statuses);
