using System.Globalization;
using System.Text;
using System.Text.Json;

namespace ChatOps.LoadHarness;

/// <summary>The run's figures as a markdown table (printed and written) and as JSON.</summary>
internal sealed class Report(HarnessOptions options, (long Rss, long Peak) startMemory)
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };
    private readonly List<ScenarioReport> _scenarios = [];

    public IReadOnlyList<StorageCount>? Storage { get; set; }

    public double PeakMib { get; set; }

    public void Add(ScenarioReport scenario) => _scenarios.Add(scenario);

    public string Markdown()
    {
        var text = new StringBuilder();
        var c = CultureInfo.InvariantCulture;
        text.AppendLine(c, $"Load harness, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cores, load average {LoadAverage()}, {options.Duration.TotalSeconds:F0} s per timed scenario, storage {(options.Proxy ? "through the counting proxy" : "direct")}, Teams connector budget {(options.TenantRequestsPerSecond is { } rps ? $"{rps}/s per tenant (--tenant-rps)" : "the bot's default (50/s per tenant, Teams' limit)")}; bot RSS at start {startMemory.Rss / 1048576.0:F0} MiB, peak (VmHWM) {PeakMib:F0} MiB.");
        text.AppendLine();
        text.AppendLine("| | scenario | target | requests | req/s | p50 ms | p95 ms | p99 ms | max ms | non-2xx | refused | RSS start→end MiB (growth) | CPU cores bot / harness | bot CPU ms/request | storage req/request | met |");
        text.AppendLine("|---|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---|---|---:|---:|---|");
        foreach (var s in _scenarios)
        {
            var r = s.Result;
            text.AppendLine(c, $"| {s.Id} | {s.Title} | {s.Target} | {r.Requests} | {r.Throughput:F0} | {r.P50:F1} | {r.P95:F1} | {r.P99:F1} | {r.Max:F0} | {r.Requests - r.Succeeded} | {r.Refused} | {s.Memory.StartMib:F0}→{s.Memory.EndMib:F0} ({s.Memory.GrowthPercent:+0.0;-0.0;0.0}%) | {s.Memory.BotCores:F2} / {s.Memory.HarnessCores:F2} | {s.Memory.BotCores * r.Seconds * 1000 / Math.Max(1, r.Requests):F2} | {(options.Proxy ? s.StoragePerRequest.ToString("F2", c) : "n/a")} | {(s.Met ? "yes" : "**no**")} |");
        }

        foreach (var s in _scenarios.Where(s => s.Note is not null))
            text.AppendLine(c, $"\n{s.Id}: {s.Note}. Statuses: {string.Join(", ", s.Result.Statuses.Select(kv => $"{kv.Key}={kv.Value}"))}.");

        if (Storage is not null)
        {
            text.AppendLine();
            text.AppendLine("(e) Storage round trips per command, one command at a time, counted by the proxy in front of Azurite (idle background rate subtracted); target: 1 per state-changing command.");
            text.AppendLine();
            text.AppendLine("| command | commands | counted | idle estimate | per command | by kind (per command) | met |");
            text.AppendLine("|---|---:|---:|---:|---:|---|---|");
            foreach (var s in Storage)
            {
                var kinds = string.Join(", ", s.ByKind.OrderByDescending(k => k.Value).Select(k => $"{k.Key} {k.Value:F2}"));
                var met = s.StateChanging ? (s.PerCommand <= 1.05 ? "yes" : "**no**") : "n/a";
                text.AppendLine(c, $"| {s.Command} | {s.Commands} | {s.Counted} | {s.IdleEstimate:F1} | {s.PerCommand:F2} | {kinds} | {met} |");
            }
        }

        return text.ToString();
    }

    // The machine's 1-minute load average when the report was made: on a shared machine it says how contended the run was.
    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "unknown";

    public async Task WriteAsync()
    {
        Directory.CreateDirectory(options.OutputDirectory);
        await File.WriteAllTextAsync(Path.Combine(options.OutputDirectory, "results.md"), Markdown());
        var json = new
        {
            at = DateTime.UtcNow,
            cores = Environment.ProcessorCount,
            durationSeconds = options.Duration.TotalSeconds,
            rate = options.Rate,
            incidents = options.Incidents,
            startRssMib = Math.Round(startMemory.Rss / 1048576.0, 1),
            peakRssMib = PeakMib,
            scenarios = _scenarios,
            storage = Storage,
        };
        await File.WriteAllTextAsync(Path.Combine(options.OutputDirectory, "results.json"), JsonSerializer.Serialize(json, Json));
    }
}
