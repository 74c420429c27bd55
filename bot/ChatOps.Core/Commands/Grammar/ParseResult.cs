namespace ChatOps.Core.Commands.Grammar;

/// <summary>Either a parsed command or an error that says what was wrong and shows the right form.</summary>
public sealed record ParseResult(ParsedCommand? Command, string? Error, CommandDefinition? Attempted)
{
    public bool Success => Command is not null;

    /// <summary>True when the first word is not a command at all (e.g. a dialog answer).</summary>
    public bool UnknownVerb { get; init; }

    public static ParseResult Ok(ParsedCommand command) => new(command, null, command.Definition);

    public static ParseResult Fail(string error, CommandDefinition? attempted) => new(null, error, attempted);
}
