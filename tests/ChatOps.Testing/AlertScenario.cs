using System.Collections.Concurrent;
using ChatOps.Core.Alerts;
using ChatOps.Core.Conversations;
using ChatOps.Core.Decisions;
using ChatOps.Core.Identity;
using ChatOps.Core.Incidents;
using ChatOps.Core.Reports;
using ChatOps.Core.Views;
using Microsoft.Extensions.DependencyInjection;
using static ChatOps.Testing.WorkflowHarness;

namespace ChatOps.Testing;

/// <summary>An incident whose patch KB1 (mail01, mail02) was just deployed, with a channel that records posted and updated alert cards.</summary>
public sealed class AlertScenario : IDisposable
{
    public const string IncidentId = "INC-2026-0001";

    public AlertScenario(IDictionary<string, string?>? settings = null) =>
        Harness = new WorkflowHarness(settings: settings, configure: services => services
            .AddSingleton<IPostedCardStore>(Cards)
            .AddSingleton<IPostedCardPoster>(Channel)
            .AddSingleton<IPostedCardUpdater>(Channel)
            .AddSingleton<IAlertTally>(Tally));

    public WorkflowHarness Harness { get; }

    public RecordingChannel Channel { get; } = new();

    public InMemoryPostedCardStore Cards { get; } = new();

    public InMemoryAlertTally Tally { get; } = new();

    public AlertIntake Intake => Harness.Services.GetRequiredService<AlertIntake>();

    public QuietWatchSweep Sweep => Harness.Services.GetRequiredService<QuietWatchSweep>();

    /// <summary>Declares, tests, approves (Bob) and starts KB1 inside a two-hour window that opens now.</summary>
    public async Task DeployAsync()
    {
        await Harness.SayAsync("declare \"Exchange\" --systems mail01,mail02");
        await Harness.SayAsync("patch add KB1 \"CU23\" --systems mail01,mail02 --rollback \"uninstall\"");
        await Harness.SayAsync("test KB1 pass --env staging --evidence https://ci.example.com/1");
        await Harness.SayAsync("role approver @29:bob");
        await Harness.SayAsync("deploy request KB1 --window 2026-11-27T22:00Z/PT2H");
        await Harness.SayAsync("approve A1", Bob);
        await Harness.SayAsync("deploy start KB1");
    }

    public static IncomingAlert Alert(bool firing = true, string system = "mail01", string id = "fp-1") =>
        new("prometheus", id, "HighErrorRate", firing, "5xx above 2%", system.Length == 0 ? [] : [system]);

    public Task<AlertIntakeOutcome> TakeAsync(IncomingAlert alert) => Intake.TakeAsync(Tenant, alert);

    public async Task<Incident> IncidentAsync() => (await Harness.Storage.Incidents.GetAsync(Tenant, IncidentId))!.Incident;

    public Task<IReadOnlyList<DecisionRecord>> RecordsAsync() => Harness.Storage.Incidents.GetDecisionsAsync(Tenant, IncidentId);

    /// <summary>The report after deploy at 22:00, an alert at 22:10 kept at 22:15 and mail01 verified at 22:30.</summary>
    public async Task<IncidentReport> KeptAlertThenVerifiedReportAsync()
    {
        await DeployAsync();
        Harness.Time.Advance(TimeSpan.FromMinutes(10));
        await TakeAsync(Alert());
        Harness.Time.Advance(TimeSpan.FromMinutes(5));
        await Harness.SayAsync("alert keep AL1 --reason \"cache warming\"");
        Harness.Time.Advance(TimeSpan.FromMinutes(15));
        await Harness.SayAsync("deploy verify KB1 mail01 ok");
        return IncidentReportBuilder.Build(await IncidentAsync(), await RecordsAsync(), Harness.Time.GetUtcNow());
    }

    public void Dispose() => Harness.Dispose();

    /// <summary>A Teams channel that hands out activity ids and remembers every post and update.</summary>
    public sealed class RecordingChannel : IPostedCardPoster, IPostedCardUpdater
    {
        public ConcurrentQueue<AlertCardView> Posts { get; } = new();

        public ConcurrentQueue<(PostedCard Card, AlertCardView View)> Updates { get; } = new();

        public ChannelKind Channel => ChannelKind.Teams;

        public Task<PostedCard> PostAsync(ConversationKey conversation, View view, CancellationToken cancellationToken = default)
        {
            Posts.Enqueue((AlertCardView)view);
            return Task.FromResult(new PostedCard(ChannelKind.Teams, conversation.TenantId, conversation.ConversationId, $"activity-{Posts.Count}", "https://smba.example/amer/"));
        }

        public Task UpdateAsync(PostedCard card, View view, CancellationToken cancellationToken = default)
        {
            Updates.Enqueue((card, (AlertCardView)view));
            return Task.CompletedTask;
        }
    }
}
