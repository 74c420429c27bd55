using System.Text.Json.Nodes;
using ChatOps.Cards.Teams.Model;
using ChatOps.Cards.Text;
using ChatOps.Core.Views;

namespace ChatOps.Cards.Teams.Views;

internal static class IncidentSummaryCard
{
    public static JsonObject Render(IncidentSummaryView view) =>
        TeamsFit.Render(new[] { view.OpenItems.Count, view.Acknowledgements.Count, view.Roles.Count }.Max(), n => Build(view, n));

    private static AdaptiveCard Build(IncidentSummaryView view, int take)
    {
        var acked = view.Acknowledgements.Count(a => a.Acknowledged);
        return TeamsParts.Card(view.FallbackText,
        [
            TeamsParts.Colored(
                $"{TeamsText.Markdown(view.Number, TeamsLimits.Title)} · {view.Severity.ToString().ToUpperInvariant()}",
                TeamsParts.SeverityColor(view.Severity)),
            TeamsParts.Heading(view.Title),
            PhaseTracker(view.Phases),
            TeamsParts.Label("Roles"),
            TeamsParts.Facts(view.Roles.Take(take).Select(r => new Fact(
                TeamsText.Markdown(r.Role, 60), TeamsText.Markdown(r.DisplayName ?? "unassigned", TeamsLimits.Title)))),
            TeamsParts.More(view.Roles.Count, Math.Min(take, view.Roles.Count), "roles"),
            TeamsParts.Label($"Open items ({view.OpenItems.Count})"),
            view.OpenItems.Count == 0 ? TeamsParts.Subtle("Nothing open.") : TeamsParts.Bullets(view.OpenItems, take),
            TeamsParts.More(view.OpenItems.Count, Math.Min(take, view.OpenItems.Count), "open items"),
            view.Acknowledgements.Count == 0 ? null : TeamsParts.Label($"Maintenance notice acknowledged by {acked} of {view.Acknowledgements.Count}"),
            TeamsParts.Facts(view.Acknowledgements.Take(take).Select(a => new Fact(
                TeamsText.Markdown(a.DisplayName, TeamsLimits.Title),
                a.Acknowledged ? "✅ " + (a.At is { } at ? CardText.Time(at) : "yes") : "⏳ not yet"))),
            TeamsParts.More(view.Acknowledgements.Count, Math.Min(take, view.Acknowledgements.Count), "people"),
            view.LastUpdate is null && view.LastUpdatedAt is null ? null : TeamsParts.Label("Last update"),
            view.LastUpdatedAt is { } updated ? TeamsParts.Subtle(CardText.Time(updated)) : null,
            view.LastUpdate is null ? null : TeamsParts.Para(view.LastUpdate),
        ]);
    }

    private static ColumnSet? PhaseTracker(IReadOnlyList<PhaseStepLine> phases) => phases.Count == 0 ? null : new ColumnSet
    {
        Spacing = Spacing.Medium,
        Columns = phases.Select(p => new Column
        {
            Width = "auto",
            Items =
            [
                new TextBlock
                {
                    Text = $"{PhaseText.Icon(p.Progress)} {TeamsText.Markdown(p.Name, 40)}{PhaseText.Suffix(p.Progress)}",
                    Weight = p.Progress == PhaseProgress.Current ? TextWeight.Bolder : null,
                    Color = p.Progress switch { PhaseProgress.Done => TextColor.Good, PhaseProgress.Current => TextColor.Accent, PhaseProgress.Skipped or PhaseProgress.Open => TextColor.Warning, _ => null },
                    IsSubtle = p.Progress == PhaseProgress.Next ? true : null,
                    Size = TextSize.Small,
                },
            ],
        }).ToList(),
    };
}
