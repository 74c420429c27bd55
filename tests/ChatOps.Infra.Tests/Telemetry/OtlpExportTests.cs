using ChatOps.Core.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace ChatOps.Infra.Tests.Telemetry;

/// <summary>Traces, metrics and logs reach an OTLP collector configured only by the standard OTEL_* variables.</summary>
public class OtlpExportTests
{
    [Fact]
    public async Task Export_OtlpEndpointSet_SendsTracesMetricsAndLogsToCollector()
    {
        await using var collector = await FakeOtlpCollector.StartAsync();
        var marker = Guid.NewGuid().ToString("N");
        var settings = HostSettings.WithSecrets(out _);
        settings["OTEL_EXPORTER_OTLP_ENDPOINT"] = collector.BaseUrl;
        settings["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf";
        settings["OTEL_SERVICE_NAME"] = "chatops-" + marker;
        await using var factory = new ChatOpsHostFactory(settings);
        using var client = factory.CreateClient();

        using (var response = await client.GetAsync(new Uri("/api/messages/" + marker, UriKind.Relative)))
        {
            _ = response.StatusCode;
        }

        using (ChatOpsDiagnostics.StartCommand("status", "teams", "INC-" + marker))
        {
            ChatOpsDiagnostics.CommandDuration.Record(0.25, new KeyValuePair<string, object?>(ChatOpsDiagnostics.CommandTag, "status"));
        }

        factory.Services.GetRequiredService<ILoggerFactory>().CreateLogger("ChatOps.Test").LogInformation("log line {Marker}", marker);
        Flush(factory.Services);
        // The server's span ends after the client has its response (the test server finishes the request on its own
        // thread), so on a busy machine the first flush can come before it: flush again until it is there (10 s guard).
        for (var wait = System.Diagnostics.Stopwatch.StartNew(); !collector.Received("/v1/traces", "/api/messages/" + marker) && wait.Elapsed < TimeSpan.FromSeconds(10);)
        {
            await Task.Delay(50);
            Flush(factory.Services);
        }

        Assert.True(collector.Received("/v1/traces", "chatops-" + marker), "no trace export with the service name");
        Assert.True(collector.Received("/v1/traces", "INC-" + marker), "the ChatOps source's span was not exported");
        Assert.True(collector.Received("/v1/traces", "/api/messages/" + marker), "the incoming request's span was not exported");
        Assert.True(collector.Received("/v1/metrics", "chatops.command.duration"), "the ChatOps meter was not exported");
        Assert.True(collector.Received("/v1/logs", marker), "the log line was not exported");
    }

    [Fact]
    public async Task Export_OtlpEndpointUnset_ExportsNothing()
    {
        // Only a per-signal endpoint: an exporter, if one were attached, would honour it and send traces.
        await using var collector = await FakeOtlpCollector.StartAsync();
        var settings = HostSettings.WithSecrets(out _);
        settings["OTEL_EXPORTER_OTLP_TRACES_ENDPOINT"] = collector.BaseUrl + "/v1/traces";
        settings["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf";
        await using var factory = new ChatOpsHostFactory(settings);
        using var client = factory.CreateClient();

        using (var response = await client.GetAsync(new Uri("/api/messages", UriKind.Relative)))
        {
            _ = response.StatusCode;
        }

        Flush(factory.Services);

        Assert.Contains(factory.ExportedSpans, span => span.Kind == System.Diagnostics.ActivityKind.Server);
        Assert.Empty(collector.Exports);
    }

    [Fact]
    public async Task Tracing_NoExporterConfigured_NoTracerAndNoSpans()
    {
        var settings = HostSettings.WithSecrets(out _);
        settings["Telemetry:Tracing"] = "false";
        await using var factory = new ChatOpsHostFactory(settings);
        using var client = factory.CreateClient();

        using (var response = await client.GetAsync(new Uri("/api/messages", UriKind.Relative)))
        {
            _ = response.StatusCode;
        }

        Assert.Null(factory.Services.GetService<TracerProvider>());
        Assert.Empty(factory.ExportedSpans);
    }

    private static void Flush(IServiceProvider services)
    {
        services.GetRequiredService<TracerProvider>().ForceFlush();
        services.GetRequiredService<MeterProvider>().ForceFlush();
        services.GetRequiredService<LoggerProvider>().ForceFlush();
    }
}
