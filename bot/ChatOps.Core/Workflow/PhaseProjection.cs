using ChatOps.Core.Incidents;
using ChatOps.Core.Views;

namespace ChatOps.Core.Workflow;

/// <summary>One phase as every view shows it: where it stands, its checklist, and what is still open in it.</summary>
/// <param name="OpenItems">What keeps the phase open, by the text people read (unticked items; for Contain also containment actions not done).</param>
public sealed record PhaseStanding(Phase Phase, PhaseProgress Progress, IReadOnlyList<ChecklistItem> Items, IReadOnlyList<string> OpenItems)
{
    public string Name => PhaseNames.Of(Phase);

    public int DoneCount => Items.Count(i => i.Done);
}

/// <summary>
/// The single projection of an incident's phases that the status card, notices, <c>log</c>, the report (md and json)
/// and the console read. The current phase is the one entered last; a phase behind it is done only when nothing of it
/// is open, skipped when it was left open with a recorded <c>--skip</c>; phases after it are next (never done).
/// </summary>
public static class PhaseProjection
{
    public static IReadOnlyList<PhaseStanding> Of(Incident incident)
    {
        ArgumentNullException.ThrowIfNull(incident);
        return Enum.GetValues<Phase>().Select(p => Standing(incident, p)).ToList();
    }

    /// <summary>The phase entered last, as notices and summaries name it.</summary>
    public static PhaseStanding Current(Incident incident)
    {
        ArgumentNullException.ThrowIfNull(incident);
        return Standing(incident, incident.Phase);
    }

    public static PhaseStanding Standing(Incident incident, Phase phase)
    {
        ArgumentNullException.ThrowIfNull(incident);
        var items = incident.Checklists.GetValueOrDefault(phase) ?? [];
        var open = OpenItems(incident, phase);
        var progress = phase > incident.Phase ? PhaseProgress.Next
            : phase == incident.Phase && !incident.IsClosed ? PhaseProgress.Current
            : open.Count == 0 ? PhaseProgress.Done
            : incident.SkippedPhases.Contains(phase) ? PhaseProgress.Skipped
            : PhaseProgress.Open;
        return new PhaseStanding(phase, progress, items, open);
    }

    /// <summary>What keeps <paramref name="phase"/> open, named by its text.</summary>
    public static IReadOnlyList<string> OpenItems(Incident incident, Phase phase)
    {
        ArgumentNullException.ThrowIfNull(incident);
        var open = (incident.Checklists.GetValueOrDefault(phase) ?? []).Where(i => !i.Done).Select(i => i.Text).ToList();
        if (phase == Phase.Contain)
        {
            open.AddRange(incident.OpenContainment.Select(c => $"containment {c.Id} not done: {c.Action}"));
        }

        return open;
    }

    /// <summary>
    /// The phases that must be finished or skipped before <paramref name="target"/> is entered: every earlier phase that
    /// still has open items and was not skipped already. Going back is free.
    /// </summary>
    public static IReadOnlyList<PhaseStanding> Blocking(Incident incident, Phase target)
    {
        ArgumentNullException.ThrowIfNull(incident);
        return Enum.GetValues<Phase>().Where(p => p < target && !incident.SkippedPhases.Contains(p))
            .Select(p => Standing(incident, p)).Where(s => s.OpenItems.Count > 0).ToList();
    }
}
