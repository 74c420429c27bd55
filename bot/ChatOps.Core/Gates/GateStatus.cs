namespace ChatOps.Core.Gates;

/// <summary>
/// What a deployment pipeline sees for one patch: <c>pending | approved | rejected | voided | expired | deployed</c>,
/// who approved, the window, and what the approval is bound to (a pipeline must deploy exactly that).
/// </summary>
public sealed record GateStatus(
    string State,
    string? ApprovalId,
    IReadOnlyList<string> Approvers,
    GateWindow? Window,
    GateBinding? Binding,
    string? Reason);
