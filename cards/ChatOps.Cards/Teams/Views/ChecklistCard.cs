using System.Text.Json.Nodes;
using ChatOps.Cards.Teams.Model;
using ChatOps.Cards.Text;
using ChatOps.Core.Views;

namespace ChatOps.Cards.Teams.Views;

internal static class ChecklistCard
{
    public static JsonObject Render(ChecklistView view) => TeamsFit.Render(view.Items.Count, n => Build(view, n));

    private static AdaptiveCard Build(ChecklistView view, int take)
    {
        var done = view.Items.Count(i => i.Mark == ChecklistItemMark.Done);
        var body = new List<AdaptiveElement?>
        {
            TeamsParts.Subtle(TeamsText.Markdown(view.IncidentNumber, TeamsLimits.Title)),
            TeamsParts.Heading($"{view.Phase} checklist"),
            TeamsParts.Colored($"{done} of {view.Items.Count} done", done == view.Items.Count ? TextColor.Good : TextColor.Default),
        };
        if (view.Items.Count == 0)
        {
            body.Add(TeamsParts.Subtle("No items in this phase."));
        }

        body.AddRange(view.Items.Take(take).Select(item => Item(view, item)));
        body.Add(TeamsParts.More(view.Items.Count, Math.Min(take, view.Items.Count), "items"));
        return TeamsParts.Card(view.FallbackText, body);
    }

    private static ColumnSet Item(ChecklistView view, ChecklistItemLine item)
    {
        var isDone = item.Mark == ChecklistItemMark.Done;
        var detail = "Owner: " + TeamsText.Markdown(item.Owner ?? "unassigned", TeamsLimits.Title);
        if (isDone && item.TickedBy is not null)
        {
            detail += $" · ticked by {TeamsText.Markdown(item.TickedBy, TeamsLimits.Title)}";
            detail += item.TickedAt is { } at ? $" at {CardText.Time(at)}" : string.Empty;
        }

        return new ColumnSet
        {
            Separator = true,
            Spacing = Spacing.Medium,
            Columns =
            [
                new Column
                {
                    Width = "stretch",
                    Items =
                    [
                        new TextBlock
                        {
                            Text = $"{(isDone ? "✅" : "⬜")} {TeamsText.Markdown(item.Text, TeamsLimits.Line)}",
                            Color = isDone ? TextColor.Good : null,
                        },
                        TeamsParts.Subtle(detail),
                    ],
                },
                new Column
                {
                    Width = "auto",
                    Items =
                    [
                        new ActionSet
                        {
                            Actions =
                            [
                                TeamsParts.Execute(
                                    isDone ? "Reopen" : "Done",
                                    CardVerbs.ChecklistToggle,
                                    CardData.ChecklistToggle(view.IncidentId, item.Id, view.Version),
                                    isDone ? null : ActionStyle.Positive),
                            ],
                        },
                    ],
                },
            ],
        };
    }
}
