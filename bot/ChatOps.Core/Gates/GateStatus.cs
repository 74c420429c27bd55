namespace ChatOps.Core.Gates;

/// <summary>
/// What a deployment pipeline sees for one patch: <c>pending | approved | rejected | expired | deployed</c>, who
/// approved, the window, and the fingerprint of what the approval is bound to.
/// </summary>
public sealed record GateStatus(
    string State,
    string? ApprovalId,
    IReadOnlyList<string> Approvers,
    GateWindow? Window,
    string? Binding,
    string? Reason);

public sealed record GateWindow(DateTimeOffset Start, DateTimeOffset End);
