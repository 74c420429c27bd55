using ChatOps.Cards.Slack.Model;
using ChatOps.Cards.Text;
using ChatOps.Core.Views;

namespace ChatOps.Cards.Slack.Views;

internal static class ChecklistBlocks
{
    public static BlockKitMessage Render(ChecklistView view) => SlackFit.Render(view, view.Items.Count, n => Build(view, n));

    private static IEnumerable<Block?> Build(ChecklistView view, int take)
    {
        var done = view.Items.Count(i => i.Mark == ChecklistItemMark.Done);
        yield return SlackParts.Header($"{view.Phase} checklist");
        yield return SlackParts.Context($"{SlackParts.Esc(view.IncidentNumber)} · {done} of {view.Items.Count} done");
        if (view.Items.Count == 0)
        {
            yield return SlackParts.Section("No items in this phase.");
        }

        foreach (var item in view.Items.Take(take))
        {
            yield return Item(view, item);
        }

        yield return SlackParts.More(view.Items.Count, Math.Min(take, view.Items.Count), "items");
    }

    private static SectionBlock Item(ChecklistView view, ChecklistItemLine item)
    {
        var isDone = item.Mark == ChecklistItemMark.Done;
        var detail = "Owner: " + SlackParts.Esc(item.Owner ?? "unassigned");
        if (isDone && item.TickedBy is not null)
        {
            detail += " · ticked by " + SlackParts.Esc(item.TickedBy) + (item.TickedAt is { } at ? " at " + CardText.Time(at) : string.Empty);
        }

        var button = SlackParts.Button(
            isDone ? "Reopen" : "Done",
            CardVerbs.ChecklistToggle,
            CardData.ChecklistToggle(view.IncidentId, item.Id, view.Version),
            isDone ? null : ButtonStyle.Primary);
        return SlackParts.Section($"{(isDone ? "✅" : "⬜")} {SlackParts.Esc(item.Text, SlackParts.LineMax)}\n{detail}", button);
    }
}
