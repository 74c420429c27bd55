using ChatOps.Core.Commands;
using ChatOps.Core.Commands.Grammar;
using ChatOps.Core.Views;
using ChatOps.Core.Workflow.Handlers;
using ChatOps.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace ChatOps.Core.Tests.Commands;

/// <summary>Protocol-wide rules: whatever the grammar or a card can send, something handles.</summary>
public class HandlerLintTests
{
    [Fact]
    public void EveryGrammarCommand_HasAHandler()
    {
        using var harness = new WorkflowHarness();
        var handled = harness.Services.GetRequiredService<CommandDispatcher>().HandledCommands;

        var missing = CommandCatalog.All.Select(d => d.Name).Where(n => !handled.Contains(n)).ToList();

        Assert.True(missing.Count == 0, "no handler for: " + string.Join(", ", missing));
    }

    [Fact]
    public void EveryCardVerb_HasARoute()
    {
        using var harness = new WorkflowHarness();
        var routed = harness.Services.GetRequiredService<CardActionRouter>().Routes.Keys;

        var missing = CardVerbs.All.Where(v => !routed.Contains(v)).ToList();

        Assert.True(missing.Count == 0, "no route for card verb: " + string.Join(", ", missing));
    }

    [Fact]
    public void EveryRoute_IsACardVerb()
    {
        using var harness = new WorkflowHarness();

        var unknown = harness.Services.GetRequiredService<CardActionRouter>().Routes.Keys.Except(CardVerbs.All).ToList();

        Assert.True(unknown.Count == 0, "routed verb no card emits: " + string.Join(", ", unknown));
    }

    [Fact]
    public void EveryHandlerCommand_IsInTheGrammar()
    {
        using var harness = new WorkflowHarness();
        var grammar = CommandCatalog.All.Select(d => d.Name).ToHashSet();

        var unknown = harness.Services.GetRequiredService<CommandDispatcher>().HandledCommands.Where(n => !grammar.Contains(n)).ToList();

        Assert.True(unknown.Count == 0, "handled but not in the grammar: " + string.Join(", ", unknown));
    }

    [Theory]
    [MemberData(nameof(DomainStates))]
    public void EveryDomainState_HasAView(Enum state)
    {
        var shown = state switch
        {
            ChatOps.Core.Incidents.ApprovalStatus s => (object)ChatOps.Core.Workflow.ViewStates.Of(s),
            ChatOps.Core.Incidents.AlertState s => ChatOps.Core.Workflow.ViewStates.Of(s),
            ChatOps.Core.Incidents.Severity s => ChatOps.Core.Workflow.ViewStates.Of(s),
            ChatOps.Core.Incidents.ContainmentState s => ChatOps.Core.Workflow.ViewStates.Of(s),
            ChatOps.Core.Incidents.SystemPatchState s => ChatOps.Core.Workflow.ViewStates.Of(s),
            _ => throw new ArgumentOutOfRangeException(nameof(state)),
        };

        Assert.Equal(state.ToString(), shown.ToString());
    }

    public static TheoryData<Enum> DomainStates()
    {
        var data = new TheoryData<Enum>();
        foreach (var state in Enum.GetValues<ChatOps.Core.Incidents.ApprovalStatus>().Cast<Enum>()
            .Concat(Enum.GetValues<ChatOps.Core.Incidents.AlertState>().Cast<Enum>())
            .Concat(Enum.GetValues<ChatOps.Core.Incidents.Severity>().Cast<Enum>())
            .Concat(Enum.GetValues<ChatOps.Core.Incidents.ContainmentState>().Cast<Enum>())
            .Concat(Enum.GetValues<ChatOps.Core.Incidents.SystemPatchState>().Cast<Enum>()))
        {
            data.Add(state);
        }

        return data;
    }
}
