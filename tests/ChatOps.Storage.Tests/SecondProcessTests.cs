using System.Diagnostics;
using System.Text.Json;
using ChatOps.Core.Decisions.Events;
using ChatOps.Core.Workflow;

namespace ChatOps.Storage.Tests;

[Trait("Category", "Process")]
public class SecondProcessTests(StorageFixture fixture) : IClassFixture<StorageFixture>
{
    [Fact]
    public async Task GetAsync_FromAnotherProcess_ReadsExactlyWhatWasWritten()
    {
        var store = new IncidentTableStore(fixture.CreateTables(), TimeProvider.System);
        var runner = new IncidentRunner(store, TimeProvider.System);
        await IncidentFactory.DeclareAsync(runner, "INC-2026-0300");
        await runner.ChangeAsync("tenant-a", "INC-2026-0300", IncidentFactory.Alice,
            _ => Change.Record(new PendingEvent(new DecisionNoted("Patch tonight — \"no\" <waiting> ✓"), "CVSS 9.8")));
        var written = await store.GetDecisionsAsync("tenant-a", "INC-2026-0300");

        var output = await RunProbeAsync(fixture.TablePrefix, "tenant-a", "INC-2026-0300");

        using var json = JsonDocument.Parse(output);
        var records = json.RootElement.GetProperty("records");
        Assert.Equal(written.Count, records.GetArrayLength());
        for (var i = 0; i < written.Count; i++)
        {
            var read = records[i];
            Assert.Equal(written[i].Hash, read.GetProperty("hash").GetString());
            Assert.Equal(written[i].Payload, read.GetProperty("payload").GetString());
            Assert.Equal(written[i].Reason, read.TryGetProperty("reason", out var reason) ? reason.GetString() : null);
            Assert.Equal(written[i].At, read.GetProperty("at").GetDateTimeOffset());
        }

        Assert.Equal(2, json.RootElement.GetProperty("incident").GetProperty("version").GetInt64());
        Assert.Equal(written[^1].Hash, json.RootElement.GetProperty("incident").GetProperty("lastHash").GetString());
    }

    private static async Task<string> RunProbeAsync(params string[] args)
    {
        var probe = Path.Combine(AppContext.BaseDirectory, "ChatOps.Storage.Probe.dll");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(probe);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(2));
        Assert.True(process.ExitCode == 0, $"probe failed ({process.ExitCode}): {await stderr}");
        return await stdout;
    }
}
