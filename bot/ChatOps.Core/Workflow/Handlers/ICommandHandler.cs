using ChatOps.Core.Commands;
using ChatOps.Core.Commands.Grammar;

namespace ChatOps.Core.Workflow.Handlers;

/// <summary>Handles the commands of one feature; <see cref="Commands"/> names the grammar entries it serves.</summary>
public interface ICommandHandler
{
    IReadOnlyCollection<string> Commands { get; }

    Task<CommandResult> HandleAsync(CommandContext context, ParsedCommand command);
}
