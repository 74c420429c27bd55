using ChatOps.Core.Incidents;
using ChatOps.Core.Views;

namespace ChatOps.Core.Workflow;

/// <summary>Maps incident state to the card views the channels render.</summary>
public static class IncidentViews
{
    public static IncidentSummaryView Summary(Incident incident, string? lastUpdate = null)
    {
        ArgumentNullException.ThrowIfNull(incident);
        var phases = PhaseProjection.Of(incident).Select(p => new PhaseStepLine(p.Name, p.Progress)).ToList();
        var roles = Enum.GetValues<IncidentRole>().Select(r => new RoleLine(PhaseNames.Of(r),
            r == IncidentRole.Approver
                ? string.Join(", ", incident.Roles.Where(x => x.Role == r).Select(x => x.Person.DisplayName)) is { Length: > 0 } names ? names : null
                : r == IncidentRole.Commander ? (incident.Holder(r) ?? incident.DeclaredBy).DisplayName : incident.Holder(r)?.DisplayName)).ToList();
        return new IncidentSummaryView(incident.Id, incident.Id, incident.Title, ViewStates.Of(incident.Severity), phases,
            OpenItems(incident), roles, Acknowledgements(incident), lastUpdate, incident.UpdatedAt);
    }

    public static ChecklistView Checklist(Incident incident, Phase phase)
    {
        ArgumentNullException.ThrowIfNull(incident);
        var items = PhaseProjection.Standing(incident, phase).Items.Select(i => new ChecklistItemLine(i.Id, i.Text, i.Owner?.DisplayName,
            i.Done ? ChecklistItemMark.Done : ChecklistItemMark.Open, i.DoneBy?.DisplayName, i.DoneAt)).ToList();
        return new ChecklistView(incident.Id, incident.Id, PhaseNames.Of(phase), incident.Version, items);
    }

    public static ContainmentLedgerView Ledger(Incident incident)
    {
        ArgumentNullException.ThrowIfNull(incident);
        return new ContainmentLedgerView(incident.Id, incident.Containment.Select(c => new ContainmentActionLine(c.Id, c.Action, c.Owner?.DisplayName,
            ViewStates.Of(c.State), c.DoneAt, c.Undo, c.ReversedAt, c.ReversedBy?.DisplayName, c.KeptReason)).ToList());
    }

    public static PatchMatrixView PatchMatrix(Incident incident)
    {
        ArgumentNullException.ThrowIfNull(incident);
        var systems = incident.Patches.SelectMany(p => p.Systems.Keys).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var rows = systems.Select(s => new PatchMatrixRow(s, incident.Patches
            .Select(p => p.Systems.TryGetValue(s, out var state) ? Cell(incident, p, s, state) : PatchCellState.Pending).ToList())).ToList();
        return new PatchMatrixView(incident.Id, incident.Patches.Select(p => p.Id).ToList(), rows);
    }

    // A firing, undecided alert on a deployed system outranks its state: it is what holds the verification.
    private static PatchCellState Cell(Incident incident, Patch patch, string system, SystemPatchState state) =>
        incident.FiringAlert(patch.Id, system) is not null ? PatchCellState.Alert : ViewStates.Of(state);

    public static string Name(SystemPatchState state) => state switch
    {
        SystemPatchState.RolledBack => "rolled back",
        SystemPatchState.Verified => "patched",
        _ => state.ToString().ToLowerInvariant(),
    };

    public static List<string> OpenItems(Incident incident)
    {
        ArgumentNullException.ThrowIfNull(incident);
        var open = new List<string>();
        // The current phase's open items (for Contain: with its open containment actions), and containment still open elsewhere.
        open.AddRange(PhaseProjection.OpenItems(incident, incident.Phase).Select(i => $"{PhaseNames.Of(incident.Phase)}: {i}"));
        if (incident.Phase != Phase.Contain)
        {
            open.AddRange(incident.OpenContainment.Select(c => $"containment {c.Id} not done: {c.Action}"));
        }

        open.AddRange(incident.Patches.Where(p => p.LatestTest is null).Select(p => $"patch {p.Id} not tested"));
        open.AddRange(incident.Approvals.Where(a => a.Status == ApprovalStatus.Pending).Select(a => $"approval {a.Id} for {a.PatchId} pending"));
        return open;
    }

    /// <summary>Who has and has not acknowledged the latest notice (recipients known from acknowledgements and the audience's deliveries).</summary>
    private static List<AcknowledgementLine> Acknowledgements(Incident incident)
    {
        var notice = incident.Notices.LastOrDefault(n => n.Acknowledgements.Count > 0) ?? incident.Notices.LastOrDefault();
        return notice is null ? [] : notice.Acknowledgements.Select(a => new AcknowledgementLine(a.Person.DisplayName, true, a.At)).ToList();
    }
}
