namespace ChatOps.LoadHarness;

/// <summary>Scenario g: Teams <c>help</c> on the reference echo bot and on ChatOps, in the same run.</summary>
internal sealed partial class Scenarios
{
    /// <summary>Length of one turn of each bot in scenario g.</summary>
    internal static readonly TimeSpan Turn = TimeSpan.FromSeconds(5);

    /// <summary>
    /// (g) closed loop, same clients: the reference, ChatOps keyless, ChatOps with authentication. Each is warmed up
    /// (<c>--warmup</c>), then they take turns of <see cref="Turn"/> until each has had <c>--duration</c>: this
    /// machine's speed drifts by tens of percent from one minute to the next (other tenants of the host), and turns
    /// spread that drift over all three instead of charging it to whichever ran in a slow minute.
    /// </summary>
    public async Task<IReadOnlyList<ScenarioReport>> ReferenceComparisonAsync()
    {
        var targets = new[]
        {
            new Turns(env.Reference!, false, options.MaxRequests),
            new Turns(env.Keyless!, false, options.MaxRequests),
            new Turns(env.Bot, true, options.MaxRequests),
        };
        foreach (var target in targets)
            await _runner.RunClosedAsync(HelpOn(target), options.Concurrency, options.Warmup, options.MaxRequests);
        for (var left = options.Duration; left > TimeSpan.Zero; left -= Turn)
        {
            foreach (var target in targets)
                await target.RunAsync(_runner, HelpOn(target), options.Concurrency, left < Turn ? left : Turn);
        }

        var (reference, keyless, authenticated) = (targets[0].Result(), targets[1].Result(), targets[2].Result());
        var baseline = Math.Max(1, reference.Result.Throughput);
        double Ratio(LoadResult r) => Math.Round(r.Throughput / baseline, 2);
        var clients = $"closed loop, {options.Concurrency} clients, turns of {Turn.TotalSeconds:F0} s";
        return
        [
            new ScenarioReport("g1", $"reference echo bot (parse, one Connector POST, 200; no auth), Teams `help`, {clients}", "the baseline", true,
                reference.Result, reference.Memory, 0, null),
            new ScenarioReport("g2", $"ChatOps keyless (Development), Teams `help`, {clients}", ">= 0.5 x reference req/s", Ratio(keyless.Result) >= 0.5,
                keyless.Result, keyless.Memory, 0, $"ChatOps keyless / reference = {Ratio(keyless.Result):F2}"),
            new ScenarioReport("g3", $"ChatOps with authentication (Production), Teams `help`, {clients}", ">= 0.4 x reference req/s", Ratio(authenticated.Result) >= 0.4,
                authenticated.Result, authenticated.Memory, 0, $"ChatOps authenticated / reference = {Ratio(authenticated.Result):F2}"),
        ];
    }

    private Func<long, HttpRequestMessage> HelpOn(Turns target) =>
        n => requests.Teams((int)(n % options.Incidents), "help", target.Bot.BaseAddress, target.Authenticated);

    /// <summary>One bot's turns: answers in one recorder, time and CPU summed over the turns, memory at each turn's end.</summary>
    private sealed class Turns(BotProcess bot, bool authenticated, int maxRequests)
    {
        private readonly LatencyRecorder _recorder = new(maxRequests);
        private readonly List<MemoryFigures> _memory = [];
        private TimeSpan _elapsed;

        public BotProcess Bot => bot;

        public bool Authenticated => authenticated;

        public async Task RunAsync(LoadRunner runner, Func<long, HttpRequestMessage> make, int concurrency, TimeSpan turn)
        {
            await using var sampler = new MemorySampler(bot);
            _elapsed += await runner.RunClosedIntoAsync(_recorder, make, concurrency, turn, maxRequests);
            _memory.Add(await sampler.StopAsync());
        }

        /// <summary>Throughput over the turns' time only; cores averaged over the turns by their length (all equal but the last).</summary>
        public (LoadResult Result, MemoryFigures Memory) Result()
        {
            var (first, last) = (_memory[0], _memory[^1]);
            var memory = new MemoryFigures(first.StartMib, last.EndMib, _memory.Max(m => m.MaxMib), last.PeakHwmMib,
                (last.EndMib - first.StartMib) / first.StartMib * 100,
                Math.Round(_memory.Average(m => m.BotCores), 2), Math.Round(_memory.Average(m => m.HarnessCores), 2));
            return (_recorder.Result(_elapsed), memory);
        }
    }
}
