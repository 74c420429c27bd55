using System.Diagnostics;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenTelemetry.Trace;

namespace ChatOps.Infra.Tests.Telemetry;

/// <summary>
/// The real host (Program) with the given settings, every log line captured by the fake logger and every
/// exported span kept in memory. Settings go in with UseSetting, so Program sees them while it builds.
/// </summary>
internal sealed class ChatOpsHostFactory(IReadOnlyDictionary<string, string> settings) : WebApplicationFactory<Program>
{
    private readonly SynchronizedCollection _spans = new();

    /// <summary>A copy of the spans exported so far (the exporter keeps adding from background work while a test reads).</summary>
    public IReadOnlyList<Activity> ExportedSpans => _spans.Snapshot();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        // The in-memory exporter below takes the spans (a setting may turn tracing off again).
        builder.UseSetting("Telemetry:Tracing", "true");
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureServices(services =>
        {
            services.AddLogging(logging => logging.AddFakeLogging());
            services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddInMemoryExporter(_spans));
        });
    }

    /// <summary>The in-memory exporter's target, safe to add to from the export thread while a test takes a copy.</summary>
    private sealed class SynchronizedCollection : System.Collections.ObjectModel.Collection<Activity>
    {
        private readonly Lock _gate = new();

        public Activity[] Snapshot()
        {
            lock (_gate)
            {
                return [.. Items];
            }
        }

        protected override void InsertItem(int index, Activity item)
        {
            lock (_gate)
            {
                base.InsertItem(index, item);
            }
        }

        protected override void ClearItems()
        {
            lock (_gate)
            {
                base.ClearItems();
            }
        }
    }
}
