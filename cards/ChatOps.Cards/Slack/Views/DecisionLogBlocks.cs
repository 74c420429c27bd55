using ChatOps.Cards.Slack.Model;
using ChatOps.Cards.Text;
using ChatOps.Core.Views;

namespace ChatOps.Cards.Slack.Views;

internal static class DecisionLogBlocks
{
    public static BlockKitMessage Render(DecisionLogPageView view) => SlackFit.Render(view, view.Entries.Count, n => Build(view, n));

    private static IEnumerable<Block?> Build(DecisionLogPageView view, int take)
    {
        yield return SlackParts.Header("Decision log");
        yield return SlackParts.Context($"{SlackParts.Esc(view.IncidentNumber)} · page {view.Page} of {view.PageCount}");
        if (view.Entries.Count == 0)
        {
            yield return SlackParts.Section("No decisions recorded.");
        }

        foreach (var entry in view.Entries.Take(take))
        {
            yield return SlackParts.Section(
                $"*{CardText.Time(entry.At)}* · {SlackParts.Esc(entry.Actor)} · {SlackParts.Esc(entry.Kind)}\n{SlackParts.Esc(entry.What, 1000)}" +
                (entry.Reason is null ? string.Empty : "\nReason: " + SlackParts.Esc(entry.Reason, 1000)));
        }

        yield return SlackParts.More(view.Entries.Count, Math.Min(take, view.Entries.Count), "entries on this page");

        // Slack wants action_ids unique within a block, and both buttons carry the verb log.page: one block each.
        if (view.Page > 1)
        {
            yield return new ActionsBlock { Elements = [SlackParts.Button("Previous", CardVerbs.LogPage, CardData.LogPage(view.IncidentId, view.Page - 1))] };
        }

        if (view.Page < view.PageCount)
        {
            yield return new ActionsBlock { Elements = [SlackParts.Button("Next", CardVerbs.LogPage, CardData.LogPage(view.IncidentId, view.Page + 1))] };
        }
    }
}
