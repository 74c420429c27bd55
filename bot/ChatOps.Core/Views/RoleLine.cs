namespace ChatOps.Core.Views;

/// <summary>An incident role (commander, approver, comms, scribe) and who holds it; null when unassigned.</summary>
public sealed record RoleLine(string Role, string? DisplayName);
