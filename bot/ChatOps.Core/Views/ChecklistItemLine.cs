namespace ChatOps.Core.Views;

/// <summary>A checklist item: who owns it, whether it is done, and who ticked it when.</summary>
public sealed record ChecklistItemLine(
    string Id,
    string Text,
    string? Owner,
    ChecklistItemMark Mark,
    string? TickedBy = null,
    DateTimeOffset? TickedAt = null);
