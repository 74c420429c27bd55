namespace ChatOps.Core.Commands;

/// <summary>
/// The single entry point of Core for channels: runs a command (parse, policy, storage) and returns the
/// replies. Never throws for user errors; those come back as an error view.
/// </summary>
public interface ICommandDispatcher
{
    Task<CommandResult> DispatchAsync(Command command, CancellationToken cancellationToken = default);

    /// <summary>Runs a command whose text was already read (by the inbound pipeline), without reading it again.</summary>
    Task<CommandResult> DispatchAsync(CommandReading reading, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reading);
        return DispatchAsync(reading.Command, cancellationToken);
    }
}
