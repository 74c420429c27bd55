using ChatOps.Core.Decisions.Events;
using ChatOps.Core.Incidents;

namespace ChatOps.Core.Playbooks;

/// <summary>A named set of phase checklists that new incidents start with.</summary>
public sealed record Playbook(string Name, IReadOnlyDictionary<Phase, IReadOnlyList<ChecklistSeedItem>> Phases);
