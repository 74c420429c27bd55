using ChatOps.Cards.Slack.Model;
using ChatOps.Cards.Text;
using ChatOps.Core.Views;

namespace ChatOps.Cards.Slack.Views;

internal static class ReviewSummaryBlocks
{
    public static BlockKitMessage Render(ReviewSummaryView view)
    {
        var longest = new[] { view.WentWell.Count, view.WentBadly.Count, view.Lessons.Count, view.ActionItems.Count, view.PolicyUpdates.Count }.Max();
        return SlackFit.Render(view, longest, n => Build(view, n));
    }

    private static IEnumerable<Block?> Build(ReviewSummaryView view, int take) =>
        new Block?[]
        {
            SlackParts.Header(view.Title),
            SlackParts.Context(SlackParts.Esc(view.IncidentNumber) + " · review"),
            SlackParts.UserSection(view.RootCause ?? "Not determined.", "Root cause"),
        }
        .Concat(Section("What went well", view.WentWell.Select(l => SlackParts.Esc(l, SlackParts.LineMax)).ToList(), take))
        .Concat(Section("What did not go well", view.WentBadly.Select(l => SlackParts.Esc(l, SlackParts.LineMax)).ToList(), take))
        .Concat(Section("Lessons", view.Lessons.Select(l => SlackParts.Esc(l, SlackParts.LineMax)).ToList(), take))
        .Concat(Section("Action items", view.ActionItems.Select(ActionItem).ToList(), take))
        .Concat(Section("Policy updates", view.PolicyUpdates.Select(l => SlackParts.Esc(l, SlackParts.LineMax)).ToList(), take));

    private static string ActionItem(ReviewActionItemLine item) =>
        $"{SlackParts.Esc(item.Text, SlackParts.LineMax)} — {SlackParts.Esc(item.Owner ?? "unassigned")}" +
        (item.Due is { } due ? ", due " + CardText.Time(due)[..10] : string.Empty);

    private static IEnumerable<Block?> Section(string trustedLabel, IReadOnlyList<string> mrkdwnLines, int take) =>
        new Block?[] { SlackParts.Section($"*{trustedLabel}*" + (mrkdwnLines.Count == 0 ? "\nNone." : string.Empty)) }
            .Concat(SlackParts.Bullets(mrkdwnLines.Take(take)))
            .Append(SlackParts.More(mrkdwnLines.Count, Math.Min(take, mrkdwnLines.Count), "entries"));
}
