using ChatOps.Core.Decisions;
using ChatOps.Core.Incidents;

namespace ChatOps.Core.Workflow;

/// <summary>
/// Told after every successful commit of an incident change, whoever made it (a command, a click, the pipeline gate,
/// a reminder or a sweep). It runs after storage answered, so it must not throw: the change is already recorded.
/// </summary>
public interface ICommitListener
{
    Task OnCommittedAsync(string tenantId, Incident incident, IReadOnlyList<DecisionRecord> recorded, CancellationToken cancellationToken);
}
