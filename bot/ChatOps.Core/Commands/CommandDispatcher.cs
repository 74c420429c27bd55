using ChatOps.Core.Views;

namespace ChatOps.Core.Commands;

/// <summary>Routes a command to its handler. (Grows with the workflow; answers <c>help</c> from the start.)</summary>
public sealed class CommandDispatcher : ICommandDispatcher
{
    public Task<CommandResult> DispatchAsync(Command command, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(command);
        var verb = command.Text.Trim().Split(' ', 2)[0].ToLowerInvariant();
        View view = verb is "help" or ""
            ? new TextView("ChatOps commands: help, declare \"<title>\", status")
            : new ErrorView($"Unknown command '{verb}'.", "help [command]");
        return Task.FromResult(CommandResult.Of(new Reply(view)));
    }
}
