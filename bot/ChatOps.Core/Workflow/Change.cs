using ChatOps.Core.Storage;

namespace ChatOps.Core.Workflow;

/// <summary>
/// What a command decided, given the current state: events to record, notifications to queue, and optionally a
/// refusal (a refused attempt can still be recorded, e.g. an approval click by someone not allowed).
/// </summary>
public sealed record Change(IReadOnlyList<PendingEvent> Events, IReadOnlyList<OutboxMessage> Outbox, string? Refusal = null)
{
    public static Change Refuse(string message) => new([], [], message);

    public static Change Record(params PendingEvent[] events) => new(events, []);

    public static Change Of(IncidentEventsBuilder builder) => new(builder.Events, builder.Outbox);

    public bool IsRefused => Refusal is not null;
}
