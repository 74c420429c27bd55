using ChatOps.Core.Decisions;
using ChatOps.Core.Incidents;

namespace ChatOps.Core.Workflow;

/// <summary>
/// A rule that reacts to a change in the same transaction: after a command's events are applied, it may add events
/// and outbox rows (void an approval whose patch changed; tell stakeholders a phase changed). Runs only when a
/// command records something, sees what it recorded, and does not cascade.
/// </summary>
public interface IIncidentReaction
{
    Change React(Incident incident, IReadOnlyList<DecisionRecord> recorded, DateTimeOffset now);
}
