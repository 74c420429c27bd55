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
    public void EveryCardVerb_HasAHandler()
    {
        var missing = CardVerbs.All.Where(v => !CardActionRouter.Verbs.Contains(v)).ToList();

        Assert.True(missing.Count == 0, "no handler for card verb: " + string.Join(", ", missing));
    }
}
