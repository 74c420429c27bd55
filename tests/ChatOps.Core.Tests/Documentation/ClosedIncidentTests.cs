using ChatOps.Core.Commands;
using ChatOps.Core.Commands.Grammar;
using ChatOps.Testing;
using Microsoft.Extensions.DependencyInjection;
using static ChatOps.Testing.WorkflowHarness;

namespace ChatOps.Core.Tests.Documentation;

public sealed class ClosedIncidentTests : IAsyncLifetime
{
    private const string Id = "INC-2026-0001";

    // One valid invocation of every command that changes an incident (other than declare).
    private static readonly Dictionary<string, string> Samples = new(StringComparer.Ordinal)
    {
        ["phase"] = "phase contain",
        ["assess"] = "assess",
        ["system add"] = "system add web09",
        ["vuln add"] = "vuln add CVE-2024-3400",
        ["contain"] = "contain",
        ["contain add"] = "contain add \"Block\" --undo \"Unblock\"",
        ["contain done"] = "contain done C1",
        ["contain undo"] = "contain undo C1",
        ["contain keep"] = "contain keep C1 --reason \"why\"",
        ["check"] = "check scope",
        ["uncheck"] = "uncheck scope",
        ["patch add"] = "patch add KB1 \"fix\" --systems mail01",
        ["test"] = "test KB1 pass",
        ["deploy request"] = "deploy request KB1 --window 2026-11-28T22:00Z/PT2H",
        ["deploy start"] = "deploy start KB1",
        ["deploy verify"] = "deploy verify KB1 mail01 ok",
        ["deploy rollback"] = "deploy rollback KB1 --reason \"why\"",
        ["alert keep"] = "alert keep AL1 --reason \"why\"",
        ["alert rollback"] = "alert rollback AL1 --reason \"why\"",
        ["notify"] = "notify all \"hello\"",
        ["audience add"] = "audience add management @29:carol",
        ["audience remove"] = "audience remove management @29:carol",
        ["subscribe"] = "subscribe it",
        ["unsubscribe"] = "unsubscribe it",
        ["approve"] = "approve A1",
        ["reject"] = "reject A1 \"no\"",
        ["role"] = "role approver @29:bob",
        ["role remove"] = "role remove approver @29:bob",
        ["decision"] = "decision \"late\"",
        ["review"] = "review",
        ["close"] = "close",
    };

    private readonly WorkflowHarness _h = new(settings: EmergencyPatchScenario.Settings);

    public static TheoryData<string> ChangingCommands() => new(Samples.Keys);

    public async Task InitializeAsync()
    {
        await _h.SayAsync("declare \"x\" --systems mail01");
        await _h.SayAsync("contain add \"Block\" --undo \"Unblock\"");
        await _h.SayAsync("patch add KB1 \"fix\" --systems mail01");
        await _h.SayAsync("close --force \"done\"");
    }

    [Fact]
    public void Samples_CoverEveryChangingCommandOfTheGrammar()
    {
        var changing = CommandCatalog.All.Where(d => d.ChangesIncident && d.Name != "declare").Select(d => d.Name);

        Assert.Equal(changing.Order(StringComparer.Ordinal), Samples.Keys.Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(ChangingCommands))]
    public async Task ChangingCommand_OnClosedIncident_IsRefusedAndRecordsNothing(string name)
    {
        var before = (await _h.Storage.Incidents.GetDecisionsAsync(Tenant, Id)).Count;
        var handled = _h.Services.GetRequiredService<CommandDispatcher>().HandledCommands;

        var reply = await _h.SayAsync(Samples[name], Bob);

        Assert.Equal(before, (await _h.Storage.Incidents.GetDecisionsAsync(Tenant, Id)).Count);
        if (name is "subscribe" or "unsubscribe")
        {
            return; // refused either way: "it" is not open for self-subscription, and Bob is not in it
        }

        Assert.True(IsError(reply), Text(reply));
        if (!handled.Contains(name))
        {
            Assert.Contains("not available", Text(reply), StringComparison.Ordinal);
        }
        else
        {
            Assert.Contains($"{Id} is closed", Text(reply), StringComparison.Ordinal);
            Assert.Contains("read-only", Text(reply), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task ChecklistCard_OnClosedIncident_IsRefused()
    {
        var reply = await _h.ClickAsync("checklist.toggle", new Dictionary<string, string> { ["incidentId"] = Id, ["itemId"] = "scope", ["phase"] = "assess" });

        Assert.True(IsError(reply));
    }

    [Fact]
    public async Task ReadOnlyCommands_OnClosedIncident_StillAnswer()
    {
        foreach (var text in new[] { "status", "log", "verify", "export json" })
        {
            Assert.False(IsError(await _h.SayAsync(text)), text);
        }
    }

    public Task DisposeAsync()
    {
        _h.Dispose();
        return Task.CompletedTask;
    }
}
