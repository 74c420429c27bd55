namespace ChatOps.Core.Views;

/// <summary>A milestone on a status update's timeline.</summary>
public sealed record TimelineLine(DateTimeOffset At, string Text);
