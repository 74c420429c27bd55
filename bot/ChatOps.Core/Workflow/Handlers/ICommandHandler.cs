using ChatOps.Core.Commands;
using ChatOps.Core.Commands.Grammar;

namespace ChatOps.Core.Workflow.Handlers;

/// <summary>Handles the commands of one feature; <see cref="Commands"/> names the grammar entries it serves.</summary>
public interface ICommandHandler
{
    IReadOnlyCollection<string> Commands { get; }

    Task<CommandResult> HandleAsync(CommandContext context, ParsedCommand command);
}

/// <summary>The arm every handler's switch over command names ends with: a name it does not list is a routing bug, never a default.</summary>
public static class Unhandled
{
    public static InvalidOperationException Command(ParsedCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        return new InvalidOperationException($"'{command.Name}' was routed to a handler that does not list it.");
    }
}
