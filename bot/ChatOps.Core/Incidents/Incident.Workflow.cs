namespace ChatOps.Core.Incidents;

/// <summary>What Assess, Contain and Test gather: systems, vulnerabilities, impact, ledger, checklists, patches.</summary>
public sealed partial class Incident
{
    public List<AffectedSystem> Systems { get; init; } = [];

    public List<Vulnerability> Vulnerabilities { get; init; } = [];

    public string? Impact { get; set; }

    public string? DataExposure { get; set; }

    /// <summary>P1 (highest) to P4, set by the Assess dialog from CVSS, exploitation and criticality.</summary>
    public string? Priority { get; set; }

    public List<ContainmentAction> Containment { get; init; } = [];

    public Dictionary<Phase, List<ChecklistItem>> Checklists { get; init; } = [];

    /// <summary>Phases left behind with open items by <c>phase … --skip "WHY"</c> (recorded), until entered again.</summary>
    public List<Phase> SkippedPhases { get; init; } = [];

    public List<Patch> Patches { get; init; } = [];

    /// <summary>The report was exported while the incident was active (<c>export</c>).</summary>
    public bool ReportExported { get; set; }

    public AffectedSystem? FindSystem(string name) =>
        Systems.FirstOrDefault(s => string.Equals(s.Name, name, StringComparison.OrdinalIgnoreCase));

    public Patch? FindPatch(string id) => Patches.FirstOrDefault(p => string.Equals(p.Id, id, StringComparison.OrdinalIgnoreCase));

    public ContainmentAction? FindContainment(string id) =>
        Containment.FirstOrDefault(c => string.Equals(c.Id, id, StringComparison.OrdinalIgnoreCase));

    public ChecklistItem? FindChecklistItem(Phase phase, string id) =>
        Checklists.TryGetValue(phase, out var items) ? items.FirstOrDefault(i => string.Equals(i.Id, id, StringComparison.OrdinalIgnoreCase)) : null;

    public IEnumerable<ContainmentAction> OpenContainment => Containment.Where(c => c.State == ContainmentState.Open);

    public IEnumerable<ContainmentAction> UnreversedContainment => Containment.Where(c => c.BlocksClose);
}
