namespace ChatOps.Core.Commands;

/// <summary>What a command produced for the conversation it came from.</summary>
public sealed record CommandResult(IReadOnlyList<Reply> Replies)
{
    public static CommandResult Of(params Reply[] replies) => new(replies);
}
