namespace ChatOps.Core.Incidents;

/// <summary>One approver's decision on a request.</summary>
public sealed record ApprovalVote(Participant Approver, bool Approved, DateTimeOffset At, string? Reason);
