using System.Diagnostics;

namespace ChatOps.LoadHarness;

/// <summary>
/// Sends requests closed-loop (N clients, each sends when its last answer arrived) or open-loop at a fixed rate
/// (each request is due at start + i/rate and its latency counts from that moment, so a slow bot cannot hide
/// queueing by slowing the sender: no coordinated omission).
/// </summary>
internal sealed class LoadRunner(HttpClient client)
{
    public async Task<LoadResult> RunClosedAsync(Func<long, HttpRequestMessage> make, int concurrency, TimeSpan duration, int maxRequests, Func<string, bool>? isRefusal = null)
    {
        var recorder = new LatencyRecorder(maxRequests);
        var elapsed = await RunClosedIntoAsync(recorder, make, concurrency, duration, maxRequests, isRefusal);
        return recorder.Result(elapsed);
    }

    /// <summary>A closed-loop run whose answers go to <paramref name="recorder"/> (kept over several runs); its length.</summary>
    public async Task<TimeSpan> RunClosedIntoAsync(LatencyRecorder recorder, Func<long, HttpRequestMessage> make, int concurrency, TimeSpan duration, int maxRequests, Func<string, bool>? isRefusal = null)
    {
        var started = Stopwatch.GetTimestamp();
        var deadline = started + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var workers = Enumerable.Range(0, concurrency).Select(async _ =>
        {
            while (Stopwatch.GetTimestamp() < deadline)
            {
                var n = recorder.Take();
                if (n >= maxRequests)
                    return;
                await SendAsync(make(n), Stopwatch.GetTimestamp(), recorder, isRefusal);
            }
        }).ToList();
        await Task.WhenAll(workers);
        return Stopwatch.GetElapsedTime(started);
    }

    public async Task<LoadResult> RunOpenAsync(Func<long, HttpRequestMessage> make, int rate, TimeSpan duration, int maxRequests, Func<string, bool>? isRefusal = null)
    {
        var total = (int)Math.Min(maxRequests, rate * duration.TotalSeconds);
        var recorder = new LatencyRecorder(total);
        var inFlight = new List<Task>(total);
        var started = Stopwatch.GetTimestamp();
        for (var i = 0; i < total; i++)
        {
            var due = started + (long)(i * (double)Stopwatch.Frequency / rate);
            var wait = due - Stopwatch.GetTimestamp();
            if (wait > Stopwatch.Frequency / 500)
                await Task.Delay(TimeSpan.FromSeconds((double)wait / Stopwatch.Frequency));
            inFlight.Add(SendAsync(make(i), due, recorder, isRefusal));
        }

        await Task.WhenAll(inFlight);
        return recorder.Result(Stopwatch.GetElapsedTime(started));
    }

    private async Task SendAsync(HttpRequestMessage request, long since, LatencyRecorder recorder, Func<string, bool>? isRefusal)
    {
        using (request)
        {
            try
            {
                using var response = await client.SendAsync(request, HttpCompletionOption.ResponseContentRead);
                var refused = isRefusal is not null && isRefusal(await response.Content.ReadAsStringAsync());
                recorder.Add(Stopwatch.GetTimestamp() - since, (int)response.StatusCode, refused);
            }
            catch (HttpRequestException)
            {
                recorder.Add(Stopwatch.GetTimestamp() - since, 0, false);
            }
            catch (TaskCanceledException)
            {
                recorder.Add(Stopwatch.GetTimestamp() - since, 0, false);
            }
        }
    }
}
