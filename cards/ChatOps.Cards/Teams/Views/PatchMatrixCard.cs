using System.Text.Json.Nodes;
using ChatOps.Cards.Teams.Model;
using ChatOps.Core.Views;

namespace ChatOps.Cards.Teams.Views;

/// <summary>A summary line per patch, then one fact per system (problems first): "KB1 ✅ verified · KB2 ❌ failed".</summary>
internal static class PatchMatrixCard
{
    public static JsonObject Render(PatchMatrixView view)
    {
        var rows = PatchText.Ordered(view);
        return TeamsFit.Render(rows.Count, n => Build(view, rows, n));
    }

    private static AdaptiveCard Build(PatchMatrixView view, IReadOnlyList<PatchMatrixRow> rows, int take) =>
        TeamsParts.Card(view.FallbackText,
        [
            TeamsParts.Subtle(TeamsText.Markdown(view.IncidentNumber, TeamsLimits.Title)),
            TeamsParts.Heading("Patch status"),
            view.PatchIds.Count == 0 ? TeamsParts.Subtle("No patches planned.") : null,
            TeamsParts.Facts(view.PatchIds.Select((p, i) => TeamsParts.Fact(TeamsText.Markdown(p, TeamsLimits.Title), PatchText.Summary(view, i)))),
            view.Rows.Count == 0 ? null : TeamsParts.Label("Systems"),
            TeamsParts.Facts(rows.Take(take).Select(r => new Fact(
                TeamsText.Markdown(r.System, TeamsLimits.Title),
                string.Join(" · ", r.States.Select((s, i) => $"{TeamsText.Markdown(view.PatchIds[i], TeamsLimits.Title)} {PatchText.Cell(s)}"))))),
            TeamsParts.More(rows.Count, Math.Min(take, rows.Count), "systems"),
        ]);
}
