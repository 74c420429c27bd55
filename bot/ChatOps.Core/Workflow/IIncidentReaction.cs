using ChatOps.Core.Incidents;

namespace ChatOps.Core.Workflow;

/// <summary>
/// A rule that reacts to a change in the same transaction: after a command's events are applied, it may add events
/// (e.g. void an approval whose patch changed). Runs only when a command records something.
/// </summary>
public interface IIncidentReaction
{
    IEnumerable<PendingEvent> React(Incident incident, DateTimeOffset now);
}
