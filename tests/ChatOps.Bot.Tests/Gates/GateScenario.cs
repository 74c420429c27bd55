using System.Globalization;
using System.Net.Http.Headers;
using ChatOps.Core.Commands;
using ChatOps.Core.Conversations;
using ChatOps.Core.Identity;
using ChatOps.Core.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace ChatOps.Bot.Tests.Gates;

/// <summary>An incident of <see cref="Tenant"/> with patch KB9 (artifact <see cref="Artifact"/>) requested for deployment, typed through the real dispatcher.</summary>
internal sealed class GateScenario(IServiceProvider services, string tenant = GateScenario.Tenant)
{
    public const string Tenant = "tenant-g";
    public const string Artifact = "sha256:9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

    private readonly Actor _alice = new(ChannelKind.Teams, tenant, "29:alice", "Alice");
    private readonly Actor _bob = new(ChannelKind.Teams, tenant, "29:bob", "Bob");
    private readonly ConversationKey _channel = new(ChannelKind.Teams, tenant, "19:" + Guid.NewGuid().ToString("N") + "@thread.tacv2");

    public string Incident { get; private set; } = "";

    public async Task<GateScenario> RequestAsync(string? artifact = Artifact)
    {
        await SayAsync("declare \"Gate test\" --systems web01");
        Incident = (await services.GetRequiredService<IIncidentDirectory>().FindAsync(_channel))!;
        await SayAsync($"patch add KB9 \"Hotfix\" --systems web01 --rollback \"revert\"{(artifact is null ? "" : " --artifact " + artifact)}");
        await SayAsync("test KB9 pass --evidence https://ci.example.com/9");
        await SayAsync("role approver @29:bob", new MentionedUser("29:bob", "Bob"));
        var start = DateTimeOffset.UtcNow.AddMinutes(-5).ToString("yyyy-MM-dd'T'HH:mm'Z'", CultureInfo.InvariantCulture);
        await SayAsync($"deploy request KB9 --window {start}/PT2H");
        return this;
    }

    public Task<CommandResult> SayAsync(string text, params MentionedUser[] mentions) =>
        services.GetRequiredService<ICommandDispatcher>().DispatchAsync(new Command(_alice, _channel, text, null, mentions));

    public Task<CommandResult> ApproveAsync() =>
        services.GetRequiredService<ICommandDispatcher>().DispatchAsync(new Command(_bob, _channel, "",
            new CardAction("approval.approve", new Dictionary<string, string> { ["incidentId"] = Incident, ["approvalId"] = "A1", ["version"] = "1" })));

    public async Task<int> RecordCountAsync() => (await services.GetRequiredService<IIncidentStore>().GetDecisionsAsync(tenant, Incident)).Count;

    public static HttpRequestMessage Request(HttpMethod method, string path, string token)
    {
        var request = new HttpRequestMessage(method, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return request;
    }
}
