namespace ChatOps.Core.Views;

/// <summary>How to use one command: its form, a one-line summary, and optional longer detail and examples.</summary>
public sealed record CommandHelpLine(string Usage, string Summary, string? Detail = null, IReadOnlyList<string>? Examples = null);
