namespace ChatOps.Core.Views;

/// <summary>One approval given so far.</summary>
public sealed record ApprovalSignoffLine(string Approver, DateTimeOffset At);
