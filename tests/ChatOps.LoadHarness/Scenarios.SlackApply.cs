using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace ChatOps.LoadHarness;

/// <summary>Scenario c's second measure: how long after it was sent each Slack decision was recorded.</summary>
internal sealed partial class Scenarios
{
    /// <summary>
    /// Reads every Slack incident's JSON report and compares each scenario-c decision's record time with the time the
    /// harness sent it (so the lag includes the acknowledgement). Returns (found, within 5 s, the largest lag in s).
    /// </summary>
    private async Task<(int Found, int WithinFive, double MaxSeconds)> ApplyLagAsync(ConcurrentDictionary<long, DateTimeOffset> sent)
    {
        var links = env.Peers.ReportLinks.Count;
        for (var i = 0; i < options.Incidents; i++)
            (await TrySendAsync(requests.Slack(i, "export json")))?.Dispose();
        await WaitForAsync(() => env.Peers.ReportLinks.Count - links >= options.Incidents, TimeSpan.FromSeconds(120));

        var found = 0;
        var within = 0;
        var max = 0.0;
        foreach (var link in env.Peers.ReportLinks.Skip(links))
        {
            using var response = await TrySendAsync(new HttpRequestMessage(HttpMethod.Get, new Uri(env.Bot.BaseAddress, link)));
            if (response is not { IsSuccessStatusCode: true })
                continue;
            using var report = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            foreach (var entry in report.RootElement.GetProperty("decisions").EnumerateArray())
            {
                var what = entry.GetProperty("what").GetString() ?? string.Empty;
                if (entry.GetProperty("kind").GetString() != "decision.noted" || DecisionNumber().Match(what) is not { Success: true } match
                    || !sent.TryGetValue(long.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture), out var at))
                    continue;
                var lag = (entry.GetProperty("at").GetDateTimeOffset() - at).TotalSeconds;
                found++;
                within += lag <= 5 ? 1 : 0;
                max = Math.Max(max, lag);
            }
        }

        return (found, within, max);
    }

    [GeneratedRegex(@"^Keep app isolated \((\d+)\)$")]
    private static partial Regex DecisionNumber();
}
