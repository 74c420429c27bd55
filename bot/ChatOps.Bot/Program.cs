using ChatOps.Bot.Alerts;
using ChatOps.Bot.Background;
using ChatOps.Bot.Ci;
using ChatOps.Bot.Console;
using ChatOps.Bot.Faults;
using ChatOps.Bot.Gates;
using ChatOps.Bot.Health;
using ChatOps.Bot.Reports;
using ChatOps.Bot.Security;
using ChatOps.Bot.Telemetry;
using ChatOps.Core;
using ChatOps.Slack;
using ChatOps.Storage;
using ChatOps.Teams;

var builder = WebApplication.CreateBuilder(args);
builder.AddChatOpsTelemetry();

builder.Services.AddSecretChecks(builder.Configuration);
builder.Services.AddPerAddressRateLimiting(builder.Configuration);
builder.Services.AddFaultHandling();
builder.Services.AddChatOpsCore();
builder.Services.AddCiRuns();
builder.Services.AddReports();
builder.Services.AddChatOpsStorage(builder.Configuration);
builder.Services.AddTeamsChannel(builder.Configuration);
builder.Services.AddSlackChannel(builder.Configuration);
builder.Services.AddGates(builder.Configuration);
builder.Services.AddAlerts(builder.Configuration);
builder.Services.AddBackgroundWork(builder.Configuration);
builder.Services.AddDevConsole();
// /readyz runs the checks tagged "ready" (HealthEndpoints.ReadyTag), e.g. Slack Socket Mode's.
builder.Services.AddHealthChecks();

var app = builder.Build();

app.UseExceptionHandler();

// Explicit order: the per-address limit runs before any token is validated; authentication and authorization must
// then follow UseRouting (once it is called explicitly the host no longer adds them).
app.UseRouting();
app.UseRateLimiter();
app.UseAuthentication();
app.UseAuthorization();
app.UseAntiforgery();

app.MapHealthEndpoints();
app.MapTeamsEndpoints().RequireRateLimiting(RateLimitingExtensions.PerAddressPolicy);
app.MapSlackEndpoints().RequireRateLimiting(RateLimitingExtensions.PerAddressPolicy);
app.MapGateEndpoints().RequireRateLimiting(RateLimitingExtensions.PerAddressPolicy);
app.MapAlertEndpoints().RequireRateLimiting(RateLimitingExtensions.PerAddressPolicy);
app.MapReportEndpoints().RequireRateLimiting(RateLimitingExtensions.PerAddressPolicy);
app.MapDevConsole();

app.Run();

/// <summary>Entry point, public so functional tests can use <c>WebApplicationFactory&lt;Program&gt;</c>.</summary>
public partial class Program;
