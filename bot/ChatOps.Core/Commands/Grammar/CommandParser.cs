using System.Globalization;

namespace ChatOps.Core.Commands.Grammar;

/// <summary>The one parser of the command grammar, shared by every channel.</summary>
public static class CommandParser
{
    public static ParseResult Parse(string text) => Parse(text, CommandCatalog.All);

    public static ParseResult Parse(string text, IReadOnlyList<CommandDefinition> catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        if (!Tokenizer.TryTokenize(text ?? "", out var tokens, out var tokenError))
        {
            // The text cannot be split into words, but its first words may still name the command: show that form.
            return ParseResult.Fail(tokenError!, Named(text ?? "", catalog));
        }

        if (tokens.Count == 0)
        {
            return ParseResult.Fail("Type a command, for example: help", CommandCatalog.Help);
        }

        var definition = catalog
            .Where(d => d.Words.Count <= tokens.Count && d.Words.Select((w, i) => Matches(tokens[i], w)).All(m => m))
            .MaxBy(d => d.Words.Count);
        if (definition is null)
        {
            return NoMatch(tokens, catalog);
        }

        return Bind(definition, tokens.Skip(definition.Words.Count).ToList());
    }

    private static ParseResult Bind(CommandDefinition definition, List<Token> rest)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var positional = 0;
        for (var i = 0; i < rest.Count; i++)
        {
            var token = rest[i];
            if (token.IsFlag)
            {
                var (name, inline) = SplitFlag(token.Text[2..]);
                var flag = definition.Flags.FirstOrDefault(f => string.Equals(f.Name, name, StringComparison.OrdinalIgnoreCase));
                if (flag is null)
                {
                    var known = definition.Flags.Count == 0 ? "it takes no options" : "its options are " + string.Join(", ", definition.Flags.Select(f => "--" + f.Name));
                    return ParseResult.Fail($"'{definition.Name}' has no option --{name}; {known}.", definition);
                }

                if (values.ContainsKey(flag.Name))
                {
                    return ParseResult.Fail($"--{flag.Name} is given twice.", definition);
                }

                string value;
                if (flag.Kind == ArgKind.Switch)
                {
                    value = "true";
                }
                else if (inline is not null)
                {
                    value = inline;
                }
                else if (i + 1 < rest.Count && !rest[i + 1].IsFlag)
                {
                    value = rest[++i].Text;
                    // Free text may be typed without quotes: take the words up to the next option.
                    while (flag.Kind == ArgKind.Text && !rest[i].Quoted && i + 1 < rest.Count && !rest[i + 1].IsFlag && !rest[i + 1].Quoted)
                    {
                        value += " " + rest[++i].Text;
                    }
                }
                else
                {
                    return ParseResult.Fail($"--{flag.Name} needs a value: {flag.Usage.Trim('[', ']')}.", definition);
                }

                if (!Accept(flag, value, values, out var flagError))
                {
                    return ParseResult.Fail(flagError!, definition);
                }

                continue;
            }

            if (positional >= definition.Positionals.Count)
            {
                return ParseResult.Fail($"Unexpected '{token.Text}' (check the quotes around text).", definition);
            }

            var spec = definition.Positionals[positional++];
            // An optional choice that does not match is skipped: "notify \"…\"" leaves out the audience.
            if (!spec.Required && spec.Kind == ArgKind.Choice && positional < definition.Positionals.Count
                && !spec.Choices.Contains(token.Text, StringComparer.OrdinalIgnoreCase))
            {
                spec = definition.Positionals[positional++];
            }

            var text = token.Text;
            // The last free-text argument may be typed without quotes: take every word up to the next option.
            if (spec.Kind == ArgKind.Text && !token.Quoted && positional == definition.Positionals.Count)
            {
                var words = new List<string> { text };
                while (i + 1 < rest.Count && !rest[i + 1].IsFlag)
                {
                    words.Add(rest[++i].Text);
                }

                text = string.Join(' ', words);
            }

            if (!Accept(spec, text, values, out var error))
            {
                return ParseResult.Fail(error!, definition);
            }
        }

        var missing = definition.Positionals.Concat(definition.Flags).FirstOrDefault(s => s.Required && !values.ContainsKey(s.Name));
        if (missing is null && definition.OneOf.Count > 0 && !definition.OneOf.Any(values.ContainsKey))
        {
            var forms = definition.Positionals.Concat(definition.Flags).Where(s => definition.OneOf.Contains(s.Name)).Select(s => s.Usage.Trim('[', ']'));
            return ParseResult.Fail($"'{definition.Name}' needs {string.Join(" or ", forms)}.", definition);
        }

        return missing is null
            ? ParseResult.Ok(new ParsedCommand(definition, values))
            : ParseResult.Fail($"'{definition.Name}' needs {missing.Usage}.", definition);
    }

    private static bool Accept(ArgSpec spec, string value, Dictionary<string, string> values, out string? error)
    {
        if (!ArgValidator.TryValidate(spec, value, out var normalized, out error))
        {
            return false;
        }

        values[spec.Name] = normalized;
        return true;
    }

    private static (string Name, string? Value) SplitFlag(string text)
    {
        var eq = text.IndexOf('=', StringComparison.Ordinal);
        return eq < 0 ? (text, null) : (text[..eq], text[(eq + 1)..]);
    }

    private static ParseResult NoMatch(List<Token> tokens, IReadOnlyList<CommandDefinition> catalog)
    {
        var first = tokens[0].Text;
        var group = catalog.Where(d => Matches(tokens[0], d.Words[0])).ToList();
        if (group.Count > 0)
        {
            var forms = string.Join("\n", group.Select(d => d.Usage));
            return ParseResult.Fail($"'{first.ToLower(CultureInfo.InvariantCulture)}' needs one of these forms:\n{forms}", group[0]);
        }

        var suggestion = EditDistance.Nearest(first, catalog.Select(d => d.Words[0]));
        var shown = first.Length > 40 ? first[..40] + "…" : first;
        var hint = suggestion is null ? "" : $" Did you mean '{suggestion}'?";
        // The usage shown is the suggested command's (after "delcare", declare's form), else help's.
        var attempted = suggestion is null ? CommandCatalog.Help : catalog.First(d => d.Words[0] == suggestion);
        return ParseResult.Fail($"Unknown command '{shown}'.{hint} Type 'help' to see every command.", attempted) with { UnknownVerb = true };
    }

    private static CommandDefinition? Named(string text, IReadOnlyList<CommandDefinition> catalog)
    {
        var words = text.Split(' ', 6, StringSplitOptions.RemoveEmptyEntries);
        bool Fits(CommandDefinition d) => d.Words.Count <= words.Length
            && d.Words.Select((w, i) => string.Equals(words[i], w, StringComparison.OrdinalIgnoreCase)).All(m => m);
        return catalog.Where(Fits).MaxBy(d => d.Words.Count)
            ?? catalog.FirstOrDefault(d => words.Length > 0 && string.Equals(words[0], d.Words[0], StringComparison.OrdinalIgnoreCase));
    }

    private static bool Matches(Token token, string word) => !token.Quoted && string.Equals(token.Text, word, StringComparison.OrdinalIgnoreCase);
}
