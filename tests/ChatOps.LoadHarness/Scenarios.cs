using System.Diagnostics;

namespace ChatOps.LoadHarness;

/// <summary>The five scenarios of docs/PERFORMANCE.md, each against the running bot, with its target.</summary>
internal sealed partial class Scenarios(HarnessOptions options, HarnessEnvironment env, Requests requests, HttpClient client)
{
    private readonly LoadRunner _runner = new(client);

    /// <summary>Declares one incident per Teams channel and per Slack channel (sequentially) before any load.</summary>
    public async Task DeclareIncidentsAsync()
    {
        for (var i = 0; i < options.Incidents; i++)
        {
            using var response = await client.SendAsync(requests.Teams(i, Requests.Declare(i)));
            Ensure(response);
        }

        Console.WriteLine("last Teams reply: " + Shorten(env.Peers.LastBody));
        var hooks = env.Peers.SlackReplies;
        for (var i = 0; i < options.Incidents; i++)
        {
            using var response = await client.SendAsync(requests.Slack(i, Requests.Declare(i)));
            Ensure(response);
        }

        await WaitForAsync(() => env.Peers.SlackReplies - hooks >= options.Incidents, TimeSpan.FromSeconds(60));

        // A declaration is acknowledged before it is applied, and replies in the channel (not to its response_url), so
        // each channel is then sent a text that is no command: the worker runs a channel's requests in order, so its
        // private answer at its response_url means the declaration before it is applied. Without this wait another
        // instance could be sent a command for an incident not declared yet (scenario f saw "no active incident").
        string Probe(int i) => $"ready-{i}?";
        for (var i = 0; i < options.Incidents; i++)
        {
            using var response = await client.SendAsync(requests.Slack(i, Probe(i)));
            Ensure(response);
        }

        var declared = await WaitForAsync(() => Enumerable.Range(0, options.Incidents).All(i => requests.SlackNameOf(Probe(i)) is { } name && env.Peers.HookBody(name) is not null),
            TimeSpan.FromSeconds(120));
        if (!declared)
            Console.WriteLine("warning: not every Slack declaration was applied within 120 s");
    }

    private void Ensure(HttpResponseMessage response)
    {
        if (!response.IsSuccessStatusCode)
            throw new InvalidOperationException($"the bot answered {(int)response.StatusCode} to {response.RequestMessage?.RequestUri}; its last lines:{Environment.NewLine}{env.Bot.Tail}");
    }

    private static string Shorten(string text) => text.Length <= 400 ? text : text[..400] + "…";

    /// <summary>(a) <c>help</c> over Teams, closed loop: throughput and latency with nothing to store.</summary>
    public async Task<ScenarioReport> HelpThroughputAsync()
    {
        HttpRequestMessage Help(long n) => requests.Teams((int)(n % options.Incidents), "help");
        await _runner.RunClosedAsync(Help, options.Concurrency, options.Warmup, options.MaxRequests);
        var storage = env.Tables.Total;
        await using var memory = new MemorySampler(env.Bot);
        var result = await _runner.RunClosedAsync(Help, options.Concurrency, options.Duration, options.MaxRequests);
        var figures = await memory.StopAsync();
        var storagePerRequest = (double)(env.Tables.Total - storage) / Math.Max(1, result.Requests);
        return new ScenarioReport("a", $"Teams `help`, closed loop, {options.Concurrency} clients", ">= 15,000 req/s and p99 < 5 ms",
            result.Throughput >= 15_000 && result.P99 < 5, result, figures, storagePerRequest, null);
    }

    /// <summary>(b) state-changing Teams commands (<c>decision</c>) at a fixed rate over all incidents.</summary>
    public async Task<ScenarioReport> StateChangingAsync()
    {
        HttpRequestMessage Decide(long n) => requests.Teams((int)(n % options.Incidents), Requests.Decision(n));
        await _runner.RunOpenAsync(Decide, options.Rate, options.Warmup, options.MaxRequests);
        var refusals = env.Peers.Refusals;
        var storage = env.Tables.Total;
        await using var memory = new MemorySampler(env.Bot);
        var result = await _runner.RunOpenAsync(Decide, options.Rate, options.Duration, options.MaxRequests);
        var figures = await memory.StopAsync();
        result = result with { Refused = env.Peers.Refusals - refusals };
        var storagePerRequest = (double)(env.Tables.Total - storage) / Math.Max(1, result.Requests);
        return new ScenarioReport("b", $"Teams `decision` (state-changing), open loop at {options.Rate} req/s over {options.Incidents} incidents", "p99 ack < 50 ms",
            result.P99 < 50 && result.Succeeded == result.Requests, result, figures, storagePerRequest,
            "ack = the whole command (Teams answers after the reply is sent); refused = replies saying nothing was recorded (ETag conflicts or storage unavailable); storage per request counts the retries after conflicts");
    }

    /// <summary>(c) Slack slash commands at 5x the rate of (b): half <c>status</c>, half <c>decision</c>.</summary>
    public async Task<ScenarioReport> SlackAcksAsync()
    {
        var rate = options.Rate * 5;
        var sent = new System.Collections.Concurrent.ConcurrentDictionary<long, DateTimeOffset>();
        HttpRequestMessage Command(long n)
        {
            if (n % 2 == 1)
                sent[n] = DateTimeOffset.UtcNow;
            return requests.Slack((int)(n % options.Incidents), n % 2 == 0 ? "status" : Requests.Decision(n));
        }

        var hooks = env.Peers.ResponseUrlPosts;
        var api = env.Peers.SlackApiRequests;
        var storage = env.Tables.Total;
        await using var memory = new MemorySampler(env.Bot);
        var result = await _runner.RunOpenAsync(Command, rate, options.Duration, options.MaxRequests, body => body.Contains("busy", StringComparison.Ordinal));
        var figures = await memory.StopAsync();
        var expected = result.Succeeded - result.Refused;
        var drain = Stopwatch.StartNew();
        await WaitForAsync(() => env.Peers.SlackReplies - hooks - api >= expected, TimeSpan.FromSeconds(60));
        var storagePerRequest = (double)(env.Tables.Total - storage) / Math.Max(1, result.Requests);
        var replied = $"{env.Peers.ResponseUrlPosts - hooks} replies posted to response_url and {env.Peers.SlackApiRequests - api} Web API calls, the last {drain.Elapsed.TotalSeconds:F1} s after the load stopped";
        var accepted = sent.Count - result.Refused;
        var (found, within, maxLag) = await ApplyLagAsync(sent);
        return new ScenarioReport("c", $"Slack `/patch status|decision`, open loop at {rate} req/s", "0 busy, every decision recorded within 5 s of being sent",
            result.Refused == 0 && result.Succeeded == result.Requests && within == sent.Count, result, figures, storagePerRequest,
            $"{result.Refused} acks said busy (queue full, command not run); {replied}; decisions recorded: {found} of {sent.Count} sent ({accepted} at most accepted), {within} within 5 s of being sent, the slowest after {maxLag:F1} s (read from the reports)");
    }

    /// <summary>(d) memory over many commands: 60% help, 20% status, 20% decision, 16 clients.</summary>
    public async Task<ScenarioReport> MemoryAsync()
    {
        HttpRequestMessage Mixed(long n) => (n % 10) switch
        {
            < 6 => requests.Teams((int)(n % options.Incidents), "help"),
            < 8 => requests.Teams((int)(n % options.Incidents), "status"),
            _ => requests.Teams((int)(n % options.Incidents), Requests.Decision(n)),
        };
        // The same mix for --warmup first, not counted or sampled, as a, b and g have: the JIT's tiering is not growth
        // with commands. The growth figure's own baseline, the second tenth, still leaves out what is left of it.
        await _runner.RunClosedAsync(Mixed, 16, options.Warmup, options.MaxRequests);
        var storage = env.Tables.Total;
        await using var memory = new MemorySampler(env.Bot);
        var result = await _runner.RunClosedAsync(Mixed, 16, TimeSpan.FromHours(1), options.MemoryCommands);
        var figures = await memory.StopAsync();
        var storagePerRequest = (double)(env.Tables.Total - storage) / Math.Max(1, result.Requests);
        return new ScenarioReport("d", $"{options.MemoryCommands:N0} Teams commands (60% help, 20% status, 20% decision), 16 clients", "RSS growth <= 10%",
            figures.GrowthPercent <= 10, result, figures, storagePerRequest, $"after {options.Warmup.TotalSeconds:0} s of the same mix (--warmup, not counted), growth = mean RSS of the last tenth of the run over the second tenth");
    }

    /// <summary>(e) storage round trips per command, one command at a time, counted at the proxy minus the idle rate.</summary>
    public async Task<IReadOnlyList<StorageCount>> StorageRoundTripsAsync(int commands = 100)
    {
        var idleStart = env.Tables.Total;
        var idleClock = Stopwatch.StartNew();
        await Task.Delay(TimeSpan.FromSeconds(3));
        var idlePerSecond = (env.Tables.Total - idleStart) / idleClock.Elapsed.TotalSeconds;

        var counts = new List<StorageCount>
        {
            await CountAsync("Teams help", n => requests.Teams((int)(n % options.Incidents), "help"), commands, idlePerSecond, false),
            await CountAsync("Teams status", n => requests.Teams((int)(n % options.Incidents), "status"), commands, idlePerSecond, false),
            await CountAsync("Teams decision", n => requests.Teams((int)(n % options.Incidents), Requests.Decision(n)), commands, idlePerSecond, true),
            await CountAsync("Slack decision", n => requests.Slack((int)(n % options.Incidents), Requests.Decision(n)), commands, idlePerSecond, true),
        };
        return counts;
    }

    private async Task<StorageCount> CountAsync(string name, Func<long, HttpRequestMessage> make, int commands, double idlePerSecond, bool stateChanging)
    {
        var before = env.Tables.ByKind;
        var total = env.Tables.Total;
        var hooks = env.Peers.SlackReplies;
        var clock = Stopwatch.StartNew();
        for (var n = 0; n < commands; n++)
        {
            using var response = await client.SendAsync(make(n));
            Ensure(response);
        }

        if (name.StartsWith("Slack", StringComparison.Ordinal))
            await WaitForAsync(() => env.Peers.SlackReplies - hooks >= commands, TimeSpan.FromSeconds(60));
        Console.WriteLine($"last reply to {name}: " + Shorten(env.Peers.LastBody));
        var counted = env.Tables.Total - total;
        var idle = idlePerSecond * clock.Elapsed.TotalSeconds;
        var after = env.Tables.ByKind;
        var kinds = after.ToDictionary(k => k.Key, k => k.Value - before.GetValueOrDefault(k.Key)).Where(k => k.Value > 0)
            .ToDictionary(k => k.Key, k => Math.Round((double)k.Value / commands, 2));
        return new StorageCount(name, commands, counted, Math.Round(idle, 1), Math.Round((counted - idle) / commands, 2), stateChanging, kinds);
    }

    /// <summary>Waits until <paramref name="condition"/> holds or <paramref name="timeout"/> passes; true when it held.</summary>
    private static async Task<bool> WaitForAsync(Func<bool> condition, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            if (clock.Elapsed >= timeout)
                return false;
            await Task.Delay(50);
        }

        return true;
    }
}

/// <summary>One scenario's outcome for the table, results.json and results.md.</summary>
internal sealed record ScenarioReport(string Id, string Title, string Target, bool Met, LoadResult Result, MemoryFigures Memory, double StoragePerRequest, string? Note);

/// <summary>Storage requests per command (counted at the proxy; the idle background rate subtracted).</summary>
internal sealed record StorageCount(string Command, int Commands, long Counted, double IdleEstimate, double PerCommand, bool StateChanging, IReadOnlyDictionary<string, double> ByKind);
