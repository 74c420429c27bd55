using System.Collections.Concurrent;
using System.Threading.Channels;
using ChatOps.Core.Commands;
using ChatOps.Core.Views;

namespace ChatOps.Slack.Tests.Fakes;

/// <summary>Records commands; can hold them at a gate (ack-time tests), fail, or answer what a test wants.</summary>
public sealed class FakeDispatcher : ICommandDispatcher
{
    private readonly Channel<Command> _arrivals = Channel.CreateUnbounded<Command>();
    private readonly ConcurrentQueue<Command> _received = new();

    public TaskCompletionSource? Gate { get; set; }

    public Func<Command, CommandResult> Answer { get; set; } =
        command => CommandResult.Of(new Reply(new TextView("echo: " + command.Text)));

    public IReadOnlyList<Command> Received => [.. _received];

    public async Task<CommandResult> DispatchAsync(Command command, CancellationToken cancellationToken = default)
    {
        _received.Enqueue(command);
        _arrivals.Writer.TryWrite(command);
        if (Gate is { } gate)
        {
            await gate.Task.WaitAsync(cancellationToken);
        }

        return Answer(command);
    }

    public async Task<Command> NextAsync(TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(30));
        return await _arrivals.Reader.ReadAsync(cts.Token);
    }
}
