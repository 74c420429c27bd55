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
/// The OTLP exporter is switched on only when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is configured; it then
/// honours the standard variables (<c>OTEL_EXPORTER_OTLP_PROTOCOL</c>, <c>_HEADERS</c>, per-signal
/// endpoints, <c>OTEL_SERVICE_NAME</c>, <c>OTEL_RESOURCE_ATTRIBUTES</c>...).
/// Spec: https://opentelemetry.io/docs/specs/otel/protocol/exporter/
/// </summary>
public static class TelemetryExtensions
{
    public const string DefaultServiceName = "chatops-bot";
    public const string OtlpEndpointKey = "OTEL_EXPORTER_OTLP_ENDPOINT";

    private static readonly PathString HealthPath = new("/healthz");

    public static WebApplicationBuilder AddChatOpsTelemetry(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);

        // OTEL_SERVICE_NAME wins when set; the resource detectors also read OTEL_RESOURCE_ATTRIBUTES.
        var serviceName = builder.Configuration["OTEL_SERVICE_NAME"] is { Length: > 0 } name ? name : DefaultServiceName;

        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(serviceName))
            .WithTracing(tracing => tracing
                .AddSource(ChatOpsDiagnostics.SourceName)
                .AddAspNetCoreInstrumentation(options =>
                    // Health probes every few seconds would drown real traffic.
                    options.Filter = context => !context.Request.Path.StartsWithSegments(HealthPath, StringComparison.OrdinalIgnoreCase))
                .AddHttpClientInstrumentation())
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

        if (!string.IsNullOrWhiteSpace(builder.Configuration[OtlpEndpointKey]))
        {
            telemetry.UseOtlpExporter();
        }

        return builder;
    }
}
