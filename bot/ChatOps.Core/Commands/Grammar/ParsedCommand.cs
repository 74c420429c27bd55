namespace ChatOps.Core.Commands.Grammar;

/// <summary>A command that matched its definition: argument and flag values by name.</summary>
public sealed record ParsedCommand(CommandDefinition Definition, IReadOnlyDictionary<string, string> Values)
{
    public string Name => Definition.Name;

    public string? this[string name] => Values.TryGetValue(name, out var value) ? value : null;

    public bool Has(string name) => Values.ContainsKey(name);

    public string Required(string name) => this[name] ?? throw new InvalidOperationException($"'{name}' was not parsed.");

    public IReadOnlyList<string> ListOf(string name) => this[name] is { } value
        ? value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
        : [];
}
