using ChatOps.Core.Decisions;

namespace ChatOps.Core.Workflow;

/// <summary>An event a command wants recorded, with the reason the actor gave (if any).</summary>
public sealed record PendingEvent(IncidentEvent Event, string? Reason = null);
