namespace ChatOps.Core.Commands;

/// <summary>What a command produced for the conversation it came from.</summary>
public sealed record CommandResult(IReadOnlyList<Reply> Replies)
{
    public static CommandResult Of(params Reply[] replies) => new(replies);

    /// <summary>
    /// True when nothing was recorded because another instance kept changing the incident (the runner's tries ran
    /// out): a channel that holds the request durably may run it again instead of passing the refusal on.
    /// </summary>
    public bool LostRace { get; init; }

    /// <summary>
    /// True when the command's delivery had already been applied (a repeat caught in the incident's batch): a channel that
    /// delivered it again answers nothing more, as a claimed repeat would.
    /// </summary>
    public bool Repeated { get; init; }
}
