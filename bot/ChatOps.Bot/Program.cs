using ChatOps.Bot.Background;
using ChatOps.Bot.Console;
using ChatOps.Bot.Faults;
using ChatOps.Bot.Gates;
using ChatOps.Bot.Health;
using ChatOps.Bot.Reports;
using ChatOps.Bot.Telemetry;
using ChatOps.Core;
using ChatOps.Slack;
using ChatOps.Storage;
using ChatOps.Teams;

var builder = WebApplication.CreateBuilder(args);
builder.AddChatOpsTelemetry();

builder.Services.AddFaultHandling();
builder.Services.AddChatOpsCore();
builder.Services.AddChatOpsStorage(builder.Configuration);
builder.Services.AddTeamsChannel(builder.Configuration);
builder.Services.AddSlackChannel(builder.Configuration);
builder.Services.AddGates(builder.Configuration);
builder.Services.AddBackgroundWork(builder.Configuration);
builder.Services.AddDevConsole();

var app = builder.Build();

app.UseExceptionHandler();

app.MapHealthEndpoints();
app.MapTeamsEndpoints();
app.MapSlackEndpoints();
app.MapGateEndpoints();
app.MapReportEndpoints();
app.MapDevConsole();

app.Run();

/// <summary>Entry point, public so functional tests can use <c>WebApplicationFactory&lt;Program&gt;</c>.</summary>
public partial class Program;
