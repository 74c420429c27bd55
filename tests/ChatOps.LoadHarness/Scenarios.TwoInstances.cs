using System.Globalization;
using System.Text.Json;

namespace ChatOps.LoadHarness;

/// <summary>Scenario f: two bot processes on one storage account, commands spread over both and over the same incidents.</summary>
internal sealed partial class Scenarios
{
    private Dictionary<string, int> _lastSeen = [];

    /// <summary>
    /// (f) <c>decision</c> commands at the rate of (b), each with its own text, alternating Teams and Slack and the two
    /// instances over all incidents (every incident gets commands through both instances). Afterwards each incident's
    /// JSON report (export json, fetched through its signed link) is read: every decision acknowledged as recorded must
    /// be there exactly once, nothing refused may be there, and every hash chain must verify.
    /// </summary>
    public async Task<ScenarioReport> TwoInstancesAsync()
    {
        var second = env.Second!;
        var run = "f" + DateTime.UtcNow.ToString("HHmmss", CultureInfo.InvariantCulture);
        string Decide(long n) => $"decision \"{run}-{n} keep app isolated\" --because \"two instances\"";
        int Incident(long n) => (int)(n / 4 % options.Incidents);
        HttpRequestMessage Command(long n) => (n % 4) switch
        {
            0 => requests.Teams(Incident(n), Decide(n)),
            1 => requests.Slack(Incident(n), Decide(n), second.BaseAddress),
            2 => requests.Teams(Incident(n), Decide(n), second.BaseAddress),
            _ => requests.Slack(Incident(n), Decide(n)),
        };

        var refusals = env.Peers.Refusals;
        var slackReplies = env.Peers.SlackReplies;
        var storage = env.Tables.Total;
        await using var memory = new MemorySampler(env.Bot);
        var result = await _runner.RunOpenAsync(Command, options.Rate, options.Duration, options.MaxRequests, body => body.Contains("busy", StringComparison.Ordinal));
        var figures = await memory.StopAsync();
        var slackAccepted = (result.Requests + 1) / 2 - result.Refused;
        await WaitForAsync(() => env.Peers.SlackReplies - slackReplies >= slackAccepted, TimeSpan.FromSeconds(120));
        var refused = env.Peers.Refusals - refusals;
        var storagePerRequest = (double)(env.Tables.Total - storage) / Math.Max(1, result.Requests);

        // A Slack command is applied after its ack (from the durable intake, on either instance), and its reply is not
        // the only Slack call it makes, so the reports are read until every promised decision is there or two reads
        // 10 s apart agree.
        var promised = result.Succeeded - result.Refused - refused;
        var (recorded, doubled, intact, reports) = await ReadDecisionsAsync(run);
        for (var read = 0; read < 6 && recorded < promised; read++)
        {
            await Task.Delay(TimeSpan.FromSeconds(10));
            var again = await ReadDecisionsAsync(run);
            var settled = again.Recorded == recorded;
            (recorded, doubled, intact, reports) = again;
            if (settled)
                break;
        }

        var lost = Math.Max(0, promised - recorded);
        var missing = Enumerable.Range(0, (int)result.Requests).Where(n => !_lastSeen.Keys.Any(k => k.StartsWith($"{run}-{n} ", StringComparison.Ordinal))).ToList();
        if (missing.Count > 0)
        {
            Console.WriteLine($"scenario f: not found in any report: {missing.Count(n => n % 2 == 0)} Teams and {missing.Count(n => n % 2 == 1)} Slack commands (first: {string.Join(", ", missing.Take(12))})");
            foreach (var n in missing.Where(n => n % 2 == 1).Take(3))
                Console.WriteLine($"  Slack command {n}: its response_url got: {(requests.SlackNameOf(Decide(n)) is { } name ? env.Peers.HookBody(name) : null) ?? "(nothing)"}");
        }

        // More distinct decisions than promised: a command answered "nothing was recorded" was applied after all.
        var unannounced = Math.Max(0, recorded - promised);
        var met = lost == 0 && doubled == 0 && unannounced == 0 && intact == reports && reports == 2 * options.Incidents && result.Succeeded == result.Requests;
        return new ScenarioReport("f", $"two instances, `decision` over Teams and Slack, open loop at {options.Rate} req/s over {options.Incidents} Teams and {options.Incidents} Slack incidents", "0 lost, 0 doubled, chains intact",
            met, result with { Refused = result.Refused + refused }, figures, storagePerRequest,
            $"{promised} commands acknowledged as recorded ({result.Refused} Slack acks said busy, {refused} replies said nothing was recorded); {recorded} distinct decisions found in {reports} reports, {lost} lost, {doubled} doubled, {unannounced} applied although refused; hash chains intact in {intact} of {reports}; RSS and CPU columns are instance 1's");
    }

    /// <summary>Asks every incident (Teams and Slack) for its JSON report and counts this run's decisions in them.</summary>
    private async Task<(long Recorded, long Doubled, int Intact, int Reports)> ReadDecisionsAsync(string run)
    {
        var links = env.Peers.ReportLinks.Count;
        for (var i = 0; i < options.Incidents; i++)
        {
            (await TrySendAsync(requests.Teams(i, "!export json")))?.Dispose();
            (await TrySendAsync(requests.Slack(i, "export json")))?.Dispose();
        }

        await WaitForAsync(() => env.Peers.ReportLinks.Count - links >= 2 * options.Incidents, TimeSpan.FromSeconds(60));
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var intact = 0;
        var reports = 0;
        foreach (var link in env.Peers.ReportLinks.Skip(links))
        {
            using var response = await TrySendAsync(new HttpRequestMessage(HttpMethod.Get, new Uri(env.Bot.BaseAddress, link)));
            if (response is not { IsSuccessStatusCode: true })
                continue;
            using var report = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            reports++;
            if (report.RootElement.GetProperty("integrity").GetProperty("intact").GetBoolean())
                intact++;
            foreach (var entry in report.RootElement.GetProperty("decisions").EnumerateArray())
            {
                var what = entry.GetProperty("what").GetString() ?? string.Empty;
                if (entry.GetProperty("kind").GetString() == "decision.noted" && what.StartsWith(run + "-", StringComparison.Ordinal))
                    seen[what] = seen.GetValueOrDefault(what) + 1;
            }
        }

        _lastSeen = seen;
        return (seen.Count, seen.Values.Sum(c => c - 1L), intact, reports);
    }

    /// <summary>A request of the check after the load: one that fails or times out leaves its report out (and the scenario unmet).</summary>
    private async Task<HttpResponseMessage?> TrySendAsync(HttpRequestMessage request)
    {
        using (request)
        {
            try
            {
                var response = await client.SendAsync(request);
                await response.Content.LoadIntoBufferAsync();
                return response;
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                Console.WriteLine($"scenario f: {request.Method} {request.RequestUri} failed after the load: {ex.Message}");
                return null;
            }
        }
    }
}
