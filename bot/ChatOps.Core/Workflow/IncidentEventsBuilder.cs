using ChatOps.Core.Decisions;
using ChatOps.Core.Storage;

namespace ChatOps.Core.Workflow;

/// <summary>Collects the events and outbox rows of one command.</summary>
public sealed class IncidentEventsBuilder
{
    public List<PendingEvent> Events { get; } = [];

    public List<OutboxMessage> Outbox { get; } = [];

    public IncidentEventsBuilder Add(IncidentEvent evt, string? reason = null)
    {
        Events.Add(new PendingEvent(evt, reason));
        return this;
    }

    public IncidentEventsBuilder Notify(OutboxMessage message)
    {
        Outbox.Add(message);
        return this;
    }
}
