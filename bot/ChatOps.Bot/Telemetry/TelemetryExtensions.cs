using ChatOps.Core.Diagnostics;
using ChatOps.Slack.Api;
using OpenTelemetry;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace ChatOps.Bot.Telemetry;

/// <summary>
/// OpenTelemetry for the host: traces (incoming requests, the "ChatOps" source, outgoing HTTP), metrics
/// (the "ChatOps" meter plus ASP.NET Core and HttpClient), and logs through the same pipeline.
/// The OTLP exporter is switched on only when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is configured, and traces are made
/// only then (or with <c>Telemetry:Tracing</c>), so a bot that exports nothing creates no activities; the exporter
/// honours the standard variables (<c>OTEL_EXPORTER_OTLP_PROTOCOL</c>, <c>_HEADERS</c>, per-signal
/// endpoints, <c>OTEL_SERVICE_NAME</c>, <c>OTEL_RESOURCE_ATTRIBUTES</c>...).
/// Spec: https://opentelemetry.io/docs/specs/otel/protocol/exporter/
/// </summary>
public static class TelemetryExtensions
{
    public const string DefaultServiceName = "chatops-bot";
    public const string OtlpEndpointKey = "OTEL_EXPORTER_OTLP_ENDPOINT";

    /// <summary>Turns tracing on without the OTLP exporter (for an exporter added in process, such as tests' in-memory one).</summary>
    public const string TracingKey = "Telemetry:Tracing";

    private static readonly PathString HealthPath = new("/healthz");

    public static WebApplicationBuilder AddChatOpsTelemetry(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);

        // OTEL_SERVICE_NAME wins when set; the resource detectors also read OTEL_RESOURCE_ATTRIBUTES.
        var serviceName = builder.Configuration["OTEL_SERVICE_NAME"] is { Length: > 0 } name ? name : DefaultServiceName;

        var exporting = !string.IsNullOrWhiteSpace(builder.Configuration[OtlpEndpointKey]);
        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(serviceName));

        // Spans are only made when something takes them: with no exporter (and no Telemetry:Tracing for an
        // in-process one) nothing listens to the sources, so requests create no activities at all.
        if (exporting || builder.Configuration.GetValue<bool>(TracingKey))
        {
            telemetry.WithTracing(tracing => tracing
                .AddSource(ChatOpsDiagnostics.SourceName)
                .AddAspNetCoreInstrumentation(options =>
                    // Health probes every few seconds would drown real traffic.
                    options.Filter = context => !context.Request.Path.StartsWithSegments(HealthPath, StringComparison.OrdinalIgnoreCase))
                .AddHttpClientInstrumentation());
        }

        telemetry
            .WithMetrics(metrics => metrics
                .AddMeter(ChatOpsDiagnostics.MeterName)
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation())
            .WithLogging(
                configureBuilder: null,
                configureOptions: options =>
                {
                    // Scopes carry chatops.incident.id and chatops.channel (see IncidentLogScope).
                    options.IncludeScopes = true;
                    options.IncludeFormattedMessage = true;
                });

        // Capability URLs stay out of spans (their loggers are removed where the clients are registered).
        builder.Services.AddTransient<CapabilityUrlHandler>();
        builder.Services.AddHttpClient<SlackResponseUrlClient>().AddHttpMessageHandler<CapabilityUrlHandler>();
        builder.Services.AddHttpClient(FilesApi.UploadClientName).AddHttpMessageHandler<CapabilityUrlHandler>();

        if (exporting)
        {
            telemetry.UseOtlpExporter();
        }

        return builder;
    }
}
