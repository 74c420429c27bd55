using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Data.Tables;
using ChatOps.Bot.Tests.Slack;
using ChatOps.Bot.Tests.Teams;
using ChatOps.Core.Storage;
using ChatOps.Core.Workflow;
using ChatOps.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatOps.Bot.Tests.Inbound;

/// <summary>
/// Issue 18, Deliver 1: a state-changing command in steady state costs one storage round trip (the incident's
/// conditional batch), counted over the storage SDK's own transport while the Teams request is handled (real tokens,
/// Azurite): the conversation's incident, "no dialog waiting" and the snapshot come from the bot's memory, the
/// redelivery claim rides in the batch, and the audit checkpoint is written off the command's path.
/// </summary>
[Trait("Category", "Azurite")]
public sealed class StorageRoundTripTests
{
    private static readonly TeamsUser Alice = new("29:alice", "Alice");
    private static readonly SlackPerson SlackAlice = new("U0ALICE", "alice");

    [Fact]
    public async Task TeamsDecision_SteadyState_OneStorageRoundTrip()
    {
        var counter = new RequestCounter();
        await using var teams = await TeamsChannelDriver.StartAsync(services: counter.Install);
        await teams.SayAsync(Alice, "declare \"Exchange ProxyShell exploitation\" --systems mail01");
        await teams.SayAsync(Alice, "decision \"Isolate mail01\" --because \"exploited\"");
        await teams.SayAsync(Alice, "decision \"Call the vendor\"");
        counter.Reset();

        var replies = await teams.SayAsync(Alice, "decision \"Rotate the session keys\"");

        Assert.Contains("Rotate the session keys", string.Join('\n', replies.Select(r => r.Shown)), StringComparison.Ordinal);
        Assert.Equal(["POST $batch"], counter.Requests);
    }

    /// <summary>
    /// Slack applies a command on its worker after the acknowledgement, outside any HTTP request, so every Table
    /// request is counted here, with the background workers that also use storage switched off (notifications, and
    /// checkpoints flushed only every 10 minutes). The durable intake is Queue Storage, a different client, not counted.
    /// </summary>
    [Fact]
    public async Task SlackDecision_SteadyState_OneStorageRoundTrip()
    {
        var counter = new RequestCounter(everything: true);
        await using var slack = await SlackChannelDriver.StartAsync(
            settings: new Dictionary<string, string> { ["Notifications:Enabled"] = "false", ["Audit:CheckpointInterval"] = "00:05:00" },
            services: counter.Install);
        await slack.CommandAsync(SlackAlice, "declare \"Exchange ProxyShell exploitation\" --systems mail01", "INC-");
        await slack.CommandAsync(SlackAlice, "decision \"Isolate mail01\"", "Isolate mail01");
        await slack.CommandAsync(SlackAlice, "decision \"Call the vendor\"", "Call the vendor");
        counter.Reset();

        await slack.CommandAsync(SlackAlice, "decision \"Rotate the session keys\"", "Rotate the session keys");

        Assert.Equal(["POST $batch"], counter.Requests);
    }

    /// <summary>
    /// A read, typed plainly (so it could have been a waiting dialog's answer, and is claimed only if it is one): the
    /// snapshot fresh from storage (another instance may have changed it), and nothing else once this instance's
    /// dispatcher has expanded the latest notice (who has not acknowledged it comes from that expansion).
    /// </summary>
    [Fact]
    public async Task TeamsStatus_SteadyState_ReadsOnlyTheSnapshot()
    {
        var counter = new RequestCounter();
        await using var teams = await TeamsChannelDriver.StartAsync(services: counter.Install);
        var declared = await teams.SayAsync(Alice, "declare \"Exchange ProxyShell exploitation\" --systems mail01");
        var incident = System.Text.RegularExpressions.Regex.Match(string.Join('\n', declared.Select(r => r.Shown)), @"INC-\d{4}-\d{4}").Value;
        await teams.SayAsync(Alice, "notify it \"Mail is down while we patch\"");
        await teams.SayAsync(Alice, "decision \"Isolate mail01\"");
        await NoticeExpandedAsync(teams, incident);
        await teams.SayAsync(Alice, "status");
        counter.Reset();

        var replies = await teams.SayAsync(Alice, "status");

        Assert.NotEmpty(replies);
        Assert.Equal(["GET Incidents(snapshot)"], counter.Requests.Select(Shape));
    }

    /// <summary>Waits (30 s guard) until this host's dispatcher has expanded every audience of the incident's latest notice.</summary>
    private static async Task NoticeExpandedAsync(TeamsChannelDriver teams, string incidentId)
    {
        var services = teams.Factory.Services;
        var snapshot = await services.GetRequiredService<IIncidentStore>().GetAsync(teams.TenantId, incidentId);
        var notice = snapshot!.Incident.Notices[^1];
        var recipients = services.GetRequiredService<WorkflowServices>().NoticeRecipients;
        for (var wait = System.Diagnostics.Stopwatch.StartNew(); recipients.Find(teams.TenantId, snapshot.Incident.Id, notice.Id, notice.Audiences) is null;)
        {
            Assert.True(wait.Elapsed < TimeSpan.FromSeconds(30), "the notice was not expanded");
            await Task.Delay(50);
        }
    }

    private static string Shape(string request) =>
        request.Contains("RowKey='snapshot'", StringComparison.Ordinal) ? "GET Incidents(snapshot)"
        : request.EndsWith("Deliveries()", StringComparison.Ordinal) ? "GET Deliveries()"
        : request;

    /// <summary>Counts the Table requests made while a Teams request is being handled (marked by a middleware), not the background workers' (or all of them).</summary>
    private sealed class RequestCounter(bool everything = false) : HttpPipelinePolicy
    {
        private static readonly AsyncLocal<bool> InRequest = new();
        private readonly List<string> _requests = [];

        public IReadOnlyList<string> Requests
        {
            get
            {
                lock (_requests)
                {
                    return [.. _requests];
                }
            }
        }

        public void Reset()
        {
            lock (_requests)
            {
                _requests.Clear();
            }
        }

        public void Install(IServiceCollection services)
        {
            services.RemoveAll<ChatOpsTables>();
            services.AddSingleton(sp => new ChatOpsTables(
                sp.GetRequiredService<IOptions<TableStorageOptions>>(),
                options => options.AddPolicy(this, HttpPipelinePosition.PerCall),
                sp.GetService<ILogger<ChatOpsTables>>()));
            services.AddSingleton<IStartupFilter>(new MarkRequests());
        }

        public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
        {
            Record(message);
            ProcessNext(message, pipeline);
        }

        public override ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
        {
            Record(message);
            return ProcessNextAsync(message, pipeline);
        }

        private void Record(HttpMessage message)
        {
            if (!everything && !InRequest.Value)
            {
                return;
            }

            var path = message.Request.Uri.Path;
            lock (_requests)
            {
                _requests.Add($"{message.Request.Method} {path[(path.LastIndexOf('/') + 1)..]}");
            }
        }

        private sealed class MarkRequests : IStartupFilter
        {
            public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
            {
                app.Use(async (context, nextMiddleware) =>
                {
                    InRequest.Value = context.Request.Path.StartsWithSegments("/api/messages");
                    await nextMiddleware(context);
                });
                next(app);
            };
        }
    }
}
