namespace ChatOps.LoadHarness;

/// <summary>Scenario g: Teams <c>help</c> on the reference echo bot and on ChatOps, one after the other in the same run.</summary>
internal sealed partial class Scenarios
{
    /// <summary>(g) closed loop, same clients and duration: the reference, ChatOps keyless, ChatOps with authentication.</summary>
    public async Task<IReadOnlyList<ScenarioReport>> ReferenceComparisonAsync()
    {
        var reference = await HelpOnAsync(env.Reference!, authenticated: false);
        var keyless = await HelpOnAsync(env.Keyless!, authenticated: false);
        var authenticated = await HelpOnAsync(env.Bot, authenticated: true);
        var baseline = Math.Max(1, reference.Result.Throughput);
        double Ratio(LoadResult r) => Math.Round(r.Throughput / baseline, 2);
        var clients = $"closed loop, {options.Concurrency} clients";
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

    private async Task<(LoadResult Result, MemoryFigures Memory)> HelpOnAsync(BotProcess bot, bool authenticated)
    {
        HttpRequestMessage Help(long n) => requests.Teams((int)(n % options.Incidents), "help", bot.BaseAddress, authenticated);
        await _runner.RunClosedAsync(Help, options.Concurrency, options.Warmup, options.MaxRequests);
        await using var memory = new MemorySampler(bot);
        var result = await _runner.RunClosedAsync(Help, options.Concurrency, options.Duration, options.MaxRequests);
        return (result, await memory.StopAsync());
    }
}
