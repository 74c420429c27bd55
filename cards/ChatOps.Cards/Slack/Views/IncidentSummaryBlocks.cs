using ChatOps.Cards.Slack.Model;
using ChatOps.Cards.Text;
using ChatOps.Core.Views;

namespace ChatOps.Cards.Slack.Views;

internal static class IncidentSummaryBlocks
{
    public static BlockKitMessage Render(IncidentSummaryView view) =>
        SlackFit.Render(view, Math.Max(view.OpenItems.Count, view.Acknowledgements.Count), n => Build(view, n));

    private static IEnumerable<Block?> Build(IncidentSummaryView view, int take)
    {
        yield return SlackParts.Header($"{view.Number} · {view.Severity.ToString().ToUpperInvariant()}: {view.Title}");
        if (view.Phases.Count > 0)
        {
            yield return SlackParts.Section(string.Join("  →  ", view.Phases.Select(p =>
            {
                var name = SlackParts.Esc(p.Name, 40);
                return p.Progress == PhaseProgress.Current ? $"▶ *{name}*" : $"{PhaseText.Icon(p.Progress)} {name}{PhaseText.Suffix(p.Progress)}";
            })));
        }

        foreach (var block in SlackParts.Fields(view.Roles.Select(r => (SlackParts.Esc(r.Role, 40), SlackParts.Esc(r.DisplayName ?? "unassigned")))))
        {
            yield return block;
        }

        yield return SlackParts.Section($"*Open items ({view.OpenItems.Count})*" + (view.OpenItems.Count == 0 ? "\nNothing open." : string.Empty));
        foreach (var block in SlackParts.Bullets(view.OpenItems.Take(take).Select(i => SlackParts.Esc(i, SlackParts.LineMax))))
        {
            yield return block;
        }

        yield return SlackParts.More(view.OpenItems.Count, Math.Min(take, view.OpenItems.Count), "open items");
        if (view.Acknowledgements.Count > 0)
        {
            var acked = view.Acknowledgements.Count(a => a.Acknowledged);
            yield return SlackParts.Section($"*Maintenance notice acknowledged by {acked} of {view.Acknowledgements.Count}*");
            foreach (var block in SlackParts.Bullets(view.Acknowledgements.Take(take).Select(a => a.Acknowledged
                ? $"✅ {SlackParts.Esc(a.DisplayName)}{(a.At is { } at ? " " + CardText.Time(at) : string.Empty)}"
                : $"⏳ {SlackParts.Esc(a.DisplayName)} not yet")))
            {
                yield return block;
            }

            yield return SlackParts.More(view.Acknowledgements.Count, Math.Min(take, view.Acknowledgements.Count), "people");
        }

        if (view.LastUpdate is not null || view.LastUpdatedAt is not null)
        {
            yield return SlackParts.UserSection(view.LastUpdate ?? string.Empty,
                "Last update" + (view.LastUpdatedAt is { } updated ? " " + CardText.Time(updated) : string.Empty));
        }
    }
}
