using System.Text;

namespace ChatOps.Core.Commands.Grammar;

/// <summary>
/// Splits a command line into words. Double quotes group words; chat clients often turn them into typographic
/// quotes (“ ”), which are accepted too. <c>\"</c> inside quotes is a literal quote.
/// </summary>
public static class Tokenizer
{
    public const int MaxLength = 4000;

    public static bool TryTokenize(string text, out List<Token> tokens, out string? error)
    {
        ArgumentNullException.ThrowIfNull(text);
        tokens = [];
        error = null;
        if (text.Length > MaxLength)
        {
            error = $"That command is {text.Length:N0} characters long; the limit is {MaxLength:N0}.";
            return false;
        }

        var current = new StringBuilder();
        var inQuotes = false;
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (inQuotes)
            {
                if (c == '\\' && i + 1 < text.Length && IsQuote(text[i + 1]))
                {
                    current.Append(text[++i]);
                }
                else if (IsQuote(c))
                {
                    inQuotes = false;
                }
                else
                {
                    current.Append(c);
                }
            }
            else if (IsQuote(c))
            {
                inQuotes = true;
                quoted = true;
            }
            else if (char.IsWhiteSpace(c))
            {
                Flush(tokens, current, ref quoted);
            }
            else if (char.IsControl(c))
            {
                error = "The command contains a control character; please retype it.";
                return false;
            }
            else
            {
                current.Append(c);
            }
        }

        if (inQuotes)
        {
            error = "A quote is not closed: put the text in a pair of double quotes, like \"Patch mail servers\".";
            return false;
        }

        Flush(tokens, current, ref quoted);
        return true;
    }

    private static void Flush(List<Token> tokens, StringBuilder current, ref bool quoted)
    {
        if (current.Length > 0 || quoted)
        {
            tokens.Add(new Token(current.ToString(), quoted));
        }

        current.Clear();
        quoted = false;
    }

    private static bool IsQuote(char c) => c is '"' or '“' or '”' or '„';
}
