namespace ChatOps.Core.Views;

/// <summary>One containment action, how to undo it, and whether (and by whom) it was reversed or why it was kept.</summary>
public sealed record ContainmentActionLine(
    string Id,
    string Text,
    string? Owner,
    ContainmentMark Mark,
    DateTimeOffset? DoneAt,
    string? UndoInstructions,
    DateTimeOffset? ReversedAt,
    string? ReversedBy,
    string? KeptReason);
