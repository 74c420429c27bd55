using System.Collections.Concurrent;
using System.Threading.Channels;
using ChatOps.Core.Commands;
using ChatOps.Core.Views;

namespace ChatOps.Slack.Tests.Fakes;

/// <summary>Records commands; can hold them (ack-time and timeout tests), fail, or answer what a test wants.</summary>
public sealed class FakeDispatcher : ICommandDispatcher
{
    private readonly Channel<Command> _arrivals = Channel.CreateUnbounded<Command>();
    private readonly ConcurrentQueue<Command> _received = new();

    /// <summary>Awaited before answering (after the command is recorded): a gate, a delay, a failure.</summary>
    public Func<Command, CancellationToken, Task>? Before { get; set; }

    public Func<Command, CommandResult> Answer { get; set; } =
        command => CommandResult.Of(new Reply(new TextView("echo: " + command.Text)));

    public IReadOnlyList<Command> Received => [.. _received];

    public async Task<CommandResult> DispatchAsync(Command command, CancellationToken cancellationToken = default)
    {
        _received.Enqueue(command);
        _arrivals.Writer.TryWrite(command);
        if (Before is { } before)
        {
            await before(command, cancellationToken);
        }

        return Answer(command);
    }

    public async Task<Command> NextAsync(TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(30));
        return await _arrivals.Reader.ReadAsync(cts.Token);
    }
}
