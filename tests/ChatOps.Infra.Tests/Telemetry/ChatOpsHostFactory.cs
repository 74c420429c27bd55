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
    public List<Activity> ExportedSpans { get; } = [];

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureServices(services =>
        {
            services.AddLogging(logging => logging.AddFakeLogging());
            services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddInMemoryExporter(ExportedSpans));
        });
    }
}
