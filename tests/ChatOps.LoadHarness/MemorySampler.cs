namespace ChatOps.LoadHarness;

/// <summary>Samples the bot's resident memory every 250 ms while a scenario runs.</summary>
internal sealed class MemorySampler : IAsyncDisposable
{
    private readonly BotProcess _bot;
    private readonly List<long> _samples = [];
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private readonly TimeSpan _botCpu;
    private readonly TimeSpan _harnessCpu;
    private readonly long _started = System.Diagnostics.Stopwatch.GetTimestamp();

    public MemorySampler(BotProcess bot)
    {
        _bot = bot;
        _botCpu = bot.CpuTime();
        _harnessCpu = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime;
        _loop = Task.Run(LoopAsync);
    }

    private async Task LoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            var (rss, _) = _bot.Memory();
            lock (_samples)
                _samples.Add(rss);
            try
            {
                await Task.Delay(250, _stop.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>Stops sampling; RSS at the start and the end (MiB), the process's peak (VmHWM), and growth from the
    /// second tenth of the run (after warm-up) to the last tenth.</summary>
    public async Task<MemoryFigures> StopAsync()
    {
        await _stop.CancelAsync();
        await _loop;
        var (rss, peak) = _bot.Memory();
        long[] samples;
        lock (_samples)
        {
            _samples.Add(rss);
            samples = [.. _samples];
        }

        var seconds = System.Diagnostics.Stopwatch.GetElapsedTime(_started).TotalSeconds;
        var botCores = (_bot.CpuTime() - _botCpu).TotalSeconds / seconds;
        var harnessCores = (System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime - _harnessCpu).TotalSeconds / seconds;
        var tenth = Math.Max(1, samples.Length / 10);
        var early = samples.Skip(Math.Min(tenth, samples.Length - 1)).Take(tenth).Average();
        var late = samples.TakeLast(tenth).Average();
        return new MemoryFigures(Mib(samples[0]), Mib(samples[^1]), Mib(samples.Max()), Mib(peak), (late - early) / early * 100,
            Math.Round(botCores, 2), Math.Round(harnessCores, 2));
    }

    private static double Mib(double bytes) => Math.Round(bytes / (1024 * 1024), 1);

    public async ValueTask DisposeAsync()
    {
        if (!_stop.IsCancellationRequested)
            await _stop.CancelAsync();
        await _loop;
        _stop.Dispose();
    }
}

/// <summary>Resident memory of the bot during a scenario, MiB; growth in percent; CPU used, in cores (1.0 = one core busy).</summary>
internal sealed record MemoryFigures(double StartMib, double EndMib, double MaxMib, double PeakHwmMib, double GrowthPercent, double BotCores, double HarnessCores);
