namespace ChatOps.Core.Commands.Grammar;

/// <summary>
/// One command of the grammar: the words that name it, its arguments and flags, and a summary. Usage text is
/// generated from the same definition the parser uses, so help and parser cannot disagree.
/// </summary>
public sealed class CommandDefinition
{
    private readonly List<ArgSpec> _positionals = [];
    private readonly List<ArgSpec> _flags = [];
    private string? _usage;

    public CommandDefinition(string name, string summary, bool changesIncident)
    {
        Name = name;
        Words = name.Split(' ');
        Summary = summary;
        ChangesIncident = changesIncident;
    }

    /// <summary>The command's name, e.g. <c>deploy request</c>; also its id.</summary>
    public string Name { get; }

    public IReadOnlyList<string> Words { get; }

    public string Summary { get; }

    /// <summary>True when the command changes an incident (refused on a closed incident).</summary>
    public bool ChangesIncident { get; }

    /// <summary>
    /// True for a read that still records itself while the incident is active (<c>export</c>): a redelivery of it must be
    /// answered once, like a change, though it is not refused on a closed incident.
    /// </summary>
    public bool Recorded { get; private set; }

    /// <summary>Longer explanation shown by <c>help &lt;command&gt;</c>.</summary>
    public string? Details { get; private set; }

    public IReadOnlyList<ArgSpec> Positionals => _positionals;

    public IReadOnlyList<ArgSpec> Flags => _flags;

    // Built once (help lists every command's usage on every call); Arg and Flag reset it while the catalog is built.
    public string Usage => _usage ??= string.Join(' ', Words.Concat(_positionals.Select(p => p.Usage)).Concat(_flags.Select(f => f.Usage)));

    public CommandDefinition Arg(string name, ArgKind kind, bool required = true, string? placeholder = null, params string[] choices)
    {
        _positionals.Add(new ArgSpec(name, kind, required, choices, IsFlag: false, placeholder));
        _usage = null;
        return this;
    }

    public CommandDefinition Flag(string name, ArgKind kind, bool required = false, string? placeholder = null, params string[] choices)
    {
        _flags.Add(new ArgSpec(name, kind, required, choices, IsFlag: true, placeholder));
        _usage = null;
        return this;
    }

    /// <summary>Arguments or flags of which at least one must be given (e.g. a typed result or a CI run), by name.</summary>
    public IReadOnlyList<string> OneOf { get; private set; } = [];

    /// <summary>Requires at least one of <paramref name="names"/> (each optional on its own).</summary>
    /// <summary>Marks a read that records itself (see <see cref="Recorded"/>).</summary>
    public CommandDefinition LeavesRecord()
    {
        Recorded = true;
        return this;
    }

    public CommandDefinition RequireOneOf(params string[] names)
    {
        OneOf = names;
        return this;
    }

    public CommandDefinition Explain(string details)
    {
        Details = details;
        return this;
    }
}
