using ChatOps.Core.Decisions;
using ChatOps.Core.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace ChatOps.Bot.Tests.Teams;

/// <summary>
/// Teams sends an activity again when it did not get the bot's answer. A command whose only effect is its incident's
/// batch carries the activity's identity into that batch: a repeat after it was applied records nothing and says
/// nothing more; a repeat after the first try recorded nothing (a fault, or a process that died) is applied.
/// </summary>
[Trait("Category", "Azurite")]
public sealed class TeamsRedeliveryTests : IAsyncLifetime
{
    private const string Decision = "decision \"Keep the OWA proxy isolated\" --because \"exploited in the wild\"";
    private static readonly TeamsUser Alice = new("29:alice", "Alice");
    private readonly FailingCommits _commits = new();
    private TeamsChannelDriver _teams = null!;

    public async Task InitializeAsync() => _teams = await TeamsChannelDriver.StartAsync(services: _commits.Install);

    public async Task DisposeAsync() => await _teams.DisposeAsync();

    [Fact]
    public async Task AppliedCommandDeliveredAgain_RecordedOnce_AnsweredOnce()
    {
        var incident = await DeclareAsync();

        Assert.NotEmpty(await _teams.SayAsync(Alice, Decision));
        var again = await _teams.SayAgainAsync(Alice, Decision);

        Assert.Empty(again);
        Assert.Single(await Decisions(incident), r => r.Kind == "decision.noted");
    }

    [Fact]
    public async Task CommandWhoseFirstTryRecordedNothing_DeliveredAgain_IsApplied()
    {
        var incident = await DeclareAsync();
        _commits.FailNext = true;

        var first = await _teams.SayAsync(Alice, Decision);
        var again = await _teams.SayAgainAsync(Alice, Decision);

        Assert.Contains("nothing was recorded", string.Join('\n', first.Select(r => r.Shown)), StringComparison.Ordinal);
        Assert.Contains("Decision recorded", string.Join('\n', again.Select(r => r.Shown)), StringComparison.Ordinal);
        Assert.Single(await Decisions(incident), r => r.Kind == "decision.noted");
    }

    private async Task<string> DeclareAsync()
    {
        var declared = string.Join('\n', (await _teams.SayAsync(Alice, "declare \"Exchange ProxyShell exploitation\" --systems mail01")).Select(r => r.Shown));
        return System.Text.RegularExpressions.Regex.Match(declared, @"INC-\d{4}-\d{4}").Value;
    }

    private async Task<IReadOnlyList<DecisionRecord>> Decisions(string incident) =>
        await _teams.Factory.Services.GetRequiredService<IIncidentStore>().GetDecisionsAsync(_teams.TenantId, incident);

    /// <summary>The host's incident store, whose next commit can be made to fail as storage unavailable.</summary>
    private sealed class FailingCommits
    {
        public bool FailNext { get; set; }

        public void Install(IServiceCollection services)
        {
            var store = services.Last(d => d.ServiceType == typeof(IIncidentStore));
            services.Remove(store);
            services.AddSingleton<IIncidentStore>(sp => new Store((IIncidentStore)ActivatorUtilities.CreateInstance(sp, store.ImplementationType!), this));
        }

        private sealed class Store(IIncidentStore inner, FailingCommits faults) : IIncidentStore
        {
            public Task<IncidentSnapshot?> GetAsync(string tenantId, string incidentId, CancellationToken cancellationToken = default) =>
                inner.GetAsync(tenantId, incidentId, cancellationToken);

            public Task<IReadOnlyList<DecisionRecord>> GetDecisionsAsync(string tenantId, string incidentId, CancellationToken cancellationToken = default) =>
                inner.GetDecisionsAsync(tenantId, incidentId, cancellationToken);

            public Task<IncidentSnapshot> CommitAsync(IncidentCommit commit, CancellationToken cancellationToken = default)
            {
                if (faults.FailNext)
                {
                    faults.FailNext = false;
                    throw new StorageUnavailableException("injected: the commit did not reach storage");
                }

                return inner.CommitAsync(commit, cancellationToken);
            }

            public Task<string?> TouchAsync(string tenantId, string incidentId, CancellationToken cancellationToken = default) =>
                inner.TouchAsync(tenantId, incidentId, cancellationToken);

            public Task<string> AllocateIncidentIdAsync(string tenantId, int year, CancellationToken cancellationToken = default) =>
                inner.AllocateIncidentIdAsync(tenantId, year, cancellationToken);
        }
    }
}
