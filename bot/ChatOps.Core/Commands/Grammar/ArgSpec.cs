namespace ChatOps.Core.Commands.Grammar;

/// <summary>One positional argument or flag of a command.</summary>
public sealed record ArgSpec(string Name, ArgKind Kind, bool Required, IReadOnlyList<string> Choices, bool IsFlag, string? Placeholder = null)
{
    /// <summary>
    /// The placeholder as usage shows it: capitals, never <c>&lt;title&gt;</c>, because some Adaptive Card renderers
    /// strip anything that looks like an HTML tag (a Teams-like client showed <c>declare ""</c>).
    /// </summary>
    public string Shown => (Placeholder ?? Name).ToUpperInvariant();

    /// <summary>How an error names the argument: <c>--sev</c> for a flag, its placeholder otherwise.</summary>
    public string Label => IsFlag ? $"--{Name}" : Shown;

    /// <summary>How the argument appears in usage text, e.g. <c>"TITLE"</c>, <c>pass|fail</c>, <c>[--sev sev1|sev2]</c>.</summary>
    public string Usage
    {
        get
        {
            var value = Kind switch
            {
                ArgKind.Choice => string.Join('|', Choices),
                ArgKind.Text => $"\"{Shown}\"",
                ArgKind.User => "@user",
                ArgKind.List => Placeholder ?? "a,b",
                ArgKind.Switch => "",
                _ => Shown,
            };
            var text = IsFlag ? (Kind == ArgKind.Switch ? $"--{Name}" : $"--{Name} {value}") : value;
            return Required ? text : $"[{text}]";
        }
    }
}
