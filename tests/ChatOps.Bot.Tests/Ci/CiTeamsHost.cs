using ChatOps.Bot.Tests.Teams;
using ChatOps.Core.Conversations;
using ChatOps.Core.Decisions;
using ChatOps.Core.Identity;
using ChatOps.Core.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace ChatOps.Bot.Tests.Ci;

/// <summary>
/// The whole bot behind Teams' wire protocol (signed activities, fake Connector, Azurite) with two CI hosts configured
/// against one <see cref="FakeCiServer"/>: GitHub (links on https://github.com) and Azure DevOps (links on
/// https://dev.azure.com). Retries wait 10 ms so throttling tests stay fast.
/// </summary>
internal sealed class CiTeamsHost : IAsyncDisposable
{
    public const string GitHubToken = "github_pat_ci-evidence-test-token-0123456789";
    public const string AzurePat = "azure-devops-pat-ci-evidence-test-0123456789";
    public const string Digest = "sha256:0fde654d4c6e659b45783a725dc92f1bfb0baa6c2de64b34e814dc206ff4aaaf";
    public const string GitHubRunUrl = "https://github.com/contoso/mail-patches/actions/runs/30433642";
    public const string AzureBuildUrl = "https://dev.azure.com/contoso/mail/_build/results?buildId=1207";
    public const string MaxRetries = "3";

    public static readonly TeamsUser Alice = new("29:alice", "Alice");
    public static readonly TeamsUser Bob = new("29:bob", "Bob");

    private CiTeamsHost(FakeCiServer ci, TeamsChannelDriver teams)
    {
        Ci = ci;
        Teams = teams;
    }

    public FakeCiServer Ci { get; }

    public TeamsChannelDriver Teams { get; }

    public static async Task<CiTeamsHost> StartAsync()
    {
        var ci = await FakeCiServer.StartAsync();
        var teams = await TeamsChannelDriver.StartAsync(_ => new Dictionary<string, string?>
        {
            ["Ci:Hosts:github:Kind"] = "GitHub",
            ["Ci:Hosts:github:BaseUrl"] = "https://github.com",
            ["Ci:Hosts:github:ApiUrl"] = ci.ApiUrl.ToString(),
            ["Ci:Hosts:github:Token"] = GitHubToken,
            ["Ci:Hosts:ado:Kind"] = "AzureDevOps",
            ["Ci:Hosts:ado:BaseUrl"] = "https://dev.azure.com",
            ["Ci:Hosts:ado:ApiUrl"] = ci.ApiUrl.ToString(),
            ["Ci:Hosts:ado:Token"] = AzurePat,
            ["Ci:RetryDelay"] = "00:00:00.010",
            ["Ci:MaxRetries"] = MaxRetries,
            ["Policy:EvidenceHosts:0"] = "github.com",
        });
        return new CiTeamsHost(ci, teams);
    }

    /// <summary>Declares an incident on mail01 and adds patch P1 (with <paramref name="artifact"/> when given); returns the incident id.</summary>
    public async Task<string> DeclareWithPatchAsync(string? artifact = Digest)
    {
        await ShownAsync(Alice, "declare \"Exchange ProxyShell exploitation\" --sev sev1 --systems mail01");
        var incident = await Teams.Factory.Services.GetRequiredService<IIncidentDirectory>()
            .FindAsync(new ConversationKey(ChannelKind.Teams, Teams.TenantId, Teams.ConversationId.Split(';')[0]));
        Assert.NotNull(incident);
        Assert.Contains("P1", await ShownAsync(Alice, $"patch add P1 \"Exchange security update\" --systems mail01 --rollback \"Uninstall it\"{(artifact is null ? "" : $" --artifact {artifact}")}"), StringComparison.Ordinal);
        return incident;
    }

    public async Task<string> ShownAsync(TeamsUser user, string text, params TeamsUser[] mentioned)
    {
        var replies = await Teams.SayAsync(user, text, mentioned);
        Assert.NotEmpty(replies);
        return string.Join('\n', replies.Select(r => r.Shown));
    }

    public async Task<IReadOnlyList<DecisionRecord>> RecordsAsync(string incident) =>
        await Teams.Factory.Services.GetRequiredService<IIncidentStore>().GetDecisionsAsync(Teams.TenantId, incident);

    public async ValueTask DisposeAsync()
    {
        await Teams.DisposeAsync();
        await Ci.DisposeAsync();
    }
}
