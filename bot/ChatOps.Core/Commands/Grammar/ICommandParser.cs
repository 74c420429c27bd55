namespace ChatOps.Core.Commands.Grammar;

/// <summary>
/// The grammar as a service: the inbound pipeline reads each command's text once through it (a test counts the reads).
/// </summary>
public interface ICommandParser
{
    ParseResult Parse(string text);
}

/// <summary>The one grammar (<see cref="CommandParser"/>).</summary>
public sealed class GrammarParser : ICommandParser
{
    public static readonly GrammarParser Instance = new();

    public ParseResult Parse(string text) => CommandParser.Parse(text);
}
