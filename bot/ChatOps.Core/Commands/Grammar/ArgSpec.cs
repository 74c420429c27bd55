namespace ChatOps.Core.Commands.Grammar;

/// <summary>One positional argument or flag of a command.</summary>
public sealed record ArgSpec(string Name, ArgKind Kind, bool Required, IReadOnlyList<string> Choices, bool IsFlag, string? Placeholder = null)
{
    /// <summary>How the argument appears in usage text, e.g. <c>"&lt;title&gt;"</c>, <c>pass|fail</c>, <c>[--sev sev1|sev2]</c>.</summary>
    public string Usage
    {
        get
        {
            var value = Kind switch
            {
                ArgKind.Choice => string.Join('|', Choices),
                ArgKind.Text => $"\"<{Placeholder ?? Name}>\"",
                ArgKind.User => "@user",
                ArgKind.List => Placeholder ?? "a,b",
                ArgKind.Switch => "",
                _ => $"<{Placeholder ?? Name}>",
            };
            var text = IsFlag ? (Kind == ArgKind.Switch ? $"--{Name}" : $"--{Name} {value}") : value;
            return Required ? text : $"[{text}]";
        }
    }
}
