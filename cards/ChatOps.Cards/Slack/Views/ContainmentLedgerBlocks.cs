using ChatOps.Cards.Slack.Model;
using ChatOps.Cards.Text;
using ChatOps.Core.Views;

namespace ChatOps.Cards.Slack.Views;

internal static class ContainmentLedgerBlocks
{
    public static BlockKitMessage Render(ContainmentLedgerView view) => SlackFit.Render(view, view.Actions.Count, n => Build(view, n));

    private static IEnumerable<Block?> Build(ContainmentLedgerView view, int take)
    {
        yield return SlackParts.Header("Containment ledger");
        yield return SlackParts.Context(SlackParts.Esc(view.IncidentNumber));
        if (view.Actions.Count == 0)
        {
            yield return SlackParts.Section("No containment actions recorded.");
        }

        foreach (var action in view.Actions.Take(take))
        {
            yield return SlackParts.Section(Text(action));
        }

        yield return SlackParts.More(view.Actions.Count, Math.Min(take, view.Actions.Count), "actions");
    }

    private static string Text(ContainmentActionLine action)
    {
        var lines = new List<string>
        {
            $"{ContainmentText.Icon(action.Mark)} *{SlackParts.Esc(action.Text, SlackParts.LineMax)}*",
            $"{SlackParts.Esc(action.Id)}: {ContainmentText.Label(action.Mark)} · owner {SlackParts.Esc(action.Owner ?? "unassigned")}" +
                (action.DoneAt is { } done ? " · done " + CardText.Time(done) : string.Empty),
        };
        if (action.UndoInstructions is not null)
        {
            lines.Add("Undo: " + SlackParts.Esc(action.UndoInstructions, SlackParts.LineMax));
        }

        if (action.Mark == ContainmentMark.Reversed)
        {
            lines.Add("Reversed" + (action.ReversedBy is null ? string.Empty : " by " + SlackParts.Esc(action.ReversedBy))
                + (action.ReversedAt is { } at ? " at " + CardText.Time(at) : string.Empty));
        }

        if (action.Mark == ContainmentMark.Kept)
        {
            lines.Add("Kept: " + SlackParts.Esc(action.KeptReason ?? "no reason given", SlackParts.LineMax));
        }

        return string.Join("\n", lines);
    }
}
