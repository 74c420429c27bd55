namespace ChatOps.Core.Views;

/// <summary>One recorded decision: when, who, what kind, what, and why.</summary>
public sealed record DecisionLogLine(DateTimeOffset At, string Actor, string Kind, string What, string? Reason);
