namespace ChatOps.Core.Commands.Grammar;

/// <summary>A word of a command line; <see cref="Quoted"/> when it was written in quotes (never a flag then).</summary>
public readonly record struct Token(string Text, bool Quoted)
{
    public bool IsFlag => !Quoted && Text.Length > 2 && Text.StartsWith("--", StringComparison.Ordinal);
}
