using System.Collections.Concurrent;
using ChatOps.Core.Commands;
using ChatOps.Core.Views;

namespace ChatOps.Teams.Tests.Fakes;

/// <summary>A command dispatcher that records commands and answers with <see cref="Respond"/> (default: an echo).</summary>
public sealed class ScriptedDispatcher : ICommandDispatcher
{
    private readonly ConcurrentQueue<Command> _commands = new();

    public IReadOnlyList<Command> Commands => [.. _commands];

    public Func<Command, CommandResult> Respond { get; set; } = command => CommandResult.Of(new Reply(new TextView("echo: " + command.Text)));

    public Task<CommandResult> DispatchAsync(Command command, CancellationToken cancellationToken = default)
    {
        _commands.Enqueue(command);
        return Task.FromResult(Respond(command));
    }
}
