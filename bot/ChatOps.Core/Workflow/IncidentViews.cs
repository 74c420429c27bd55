using System.Globalization;
using System.Text;
using ChatOps.Core.Incidents;
using ChatOps.Core.Views;

namespace ChatOps.Core.Workflow;

/// <summary>Maps incident state to the views the channels render.</summary>
public static class IncidentViews
{
    public static View Summary(Incident incident, string? headline = null)
    {
        ArgumentNullException.ThrowIfNull(incident);
        var text = new StringBuilder();
        if (headline is not null)
        {
            text.AppendLine(headline);
        }

        text.AppendLine(CultureInfo.InvariantCulture, $"{incident.Id} \"{incident.Title}\" — {PhaseNames.Of(incident.Severity)}, {(incident.IsClosed ? "closed" : "phase " + PhaseNames.Of(incident.Phase))}");
        if (incident.Priority is not null)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"Priority {incident.Priority}");
        }

        var roles = incident.Roles.Select(r => $"{PhaseNames.Of(r.Role)}: {r.Person.DisplayName}").ToList();
        text.AppendLine("Roles: " + (roles.Count == 0 ? $"none yet (declared by {incident.DeclaredBy.DisplayName})" : string.Join(", ", roles)));
        if (incident.Systems.Count > 0)
        {
            text.AppendLine("Systems: " + string.Join(", ", incident.Systems.Select(s => $"{s.Name} ({s.Criticality})")));
        }

        if (incident.Vulnerabilities.Count > 0)
        {
            text.AppendLine("Vulnerabilities: " + string.Join(", ", incident.Vulnerabilities.Select(v =>
                v.BaseScore is { } s ? string.Create(CultureInfo.InvariantCulture, $"{v.CveId} ({s:0.0} {v.CvssSeverity})") : v.CveId)));
        }

        var open = OpenItems(incident);
        text.Append(open.Count == 0 ? "No open items." : "Open: " + string.Join("; ", open));
        return new TextView(text.ToString().TrimEnd());
    }

    public static View Checklist(Incident incident, Phase phase)
    {
        ArgumentNullException.ThrowIfNull(incident);
        var items = incident.Checklists.GetValueOrDefault(phase) ?? [];
        var text = new StringBuilder(string.Create(CultureInfo.InvariantCulture, $"{incident.Id} {PhaseNames.Of(phase)} checklist ({items.Count(i => i.Done)}/{items.Count} done)"));
        foreach (var item in items)
        {
            var done = item.Done ? $" — ticked by {item.DoneBy?.DisplayName} at {item.DoneAt:HH:mm} UTC" : "";
            text.Append(CultureInfo.InvariantCulture, $"\n[{(item.Done ? "x" : " ")}] {item.Id}: {item.Text}{done}");
        }

        return new TextView(text.ToString());
    }

    public static View Ledger(Incident incident)
    {
        ArgumentNullException.ThrowIfNull(incident);
        if (incident.Containment.Count == 0)
        {
            return new TextView($"{incident.Id} containment ledger is empty. Record actions with: contain add \"<action>\" --undo \"<how to reverse>\"");
        }

        var text = new StringBuilder(string.Create(CultureInfo.InvariantCulture, $"{incident.Id} containment ledger"));
        foreach (var c in incident.Containment)
        {
            text.Append(CultureInfo.InvariantCulture, $"\n{c.Id} [{c.State.ToString().ToLowerInvariant()}] {c.Action} — undo: {c.Undo}");
            if (c.Owner is not null)
            {
                text.Append(CultureInfo.InvariantCulture, $" — owner {c.Owner.DisplayName}");
            }

            if (c.KeptReason is not null)
            {
                text.Append(CultureInfo.InvariantCulture, $" — kept: {c.KeptReason}");
            }
        }

        return new TextView(text.ToString());
    }

    public static View PatchMatrix(Incident incident)
    {
        ArgumentNullException.ThrowIfNull(incident);
        var text = new StringBuilder(string.Create(CultureInfo.InvariantCulture, $"{incident.Id} patches"));
        foreach (var patch in incident.Patches)
        {
            var test = patch.LatestTest is { } t ? $"test {t.Result}" : "not tested";
            text.Append(CultureInfo.InvariantCulture, $"\n{patch.Id} ({test}): ")
                .AppendJoin(", ", patch.Systems.Select(s => $"{s.Key} {Name(s.Value)}"));
        }

        return new TextView(incident.Patches.Count == 0 ? $"{incident.Id} has no patches yet. Add one with: patch add <patch-id> \"<description>\" --systems a,b" : text.ToString());
    }

    public static string Name(SystemPatchState state) => state switch
    {
        SystemPatchState.RolledBack => "rolled back",
        _ => state.ToString().ToLowerInvariant(),
    };

    public static List<string> OpenItems(Incident incident)
    {
        ArgumentNullException.ThrowIfNull(incident);
        var open = new List<string>();
        open.AddRange(incident.OpenContainment.Select(c => $"containment {c.Id} not done"));
        var phaseItems = incident.Checklists.GetValueOrDefault(incident.Phase) ?? [];
        open.AddRange(phaseItems.Where(i => !i.Done).Select(i => $"{PhaseNames.Of(incident.Phase)}: {i.Text}"));
        open.AddRange(incident.Patches.Where(p => p.LatestTest is null).Select(p => $"patch {p.Id} not tested"));
        return open;
    }
}
