using System.Text.Json.Nodes;
using ChatOps.Cards.Teams.Model;
using ChatOps.Cards.Text;
using ChatOps.Core.Views;

namespace ChatOps.Cards.Teams.Views;

internal static class ReviewSummaryCard
{
    public static JsonObject Render(ReviewSummaryView view)
    {
        var longest = new[] { view.WentWell.Count, view.WentBadly.Count, view.Lessons.Count, view.ActionItems.Count, view.PolicyUpdates.Count }.Max();
        return TeamsFit.Render(longest, n => Build(view, n));
    }

    private static AdaptiveCard Build(ReviewSummaryView view, int take)
    {
        var body = new List<AdaptiveElement?>
        {
            TeamsParts.Subtle(TeamsText.Markdown(view.IncidentNumber, TeamsLimits.Title) + " · review"),
            TeamsParts.Heading(view.Title),
            TeamsParts.Label("Root cause"),
            TeamsParts.Para(view.RootCause ?? "Not determined."),
        };
        body.AddRange(Section("What went well", view.WentWell, take));
        body.AddRange(Section("What did not go well", view.WentBadly, take));
        body.AddRange(Section("Lessons", view.Lessons, take));
        body.AddRange(Section("Action items", view.ActionItems.Select(ActionItem).ToList(), take));
        body.AddRange(Section("Policy updates", view.PolicyUpdates, take));
        return TeamsParts.Card(view.FallbackText, body);
    }

    private static string ActionItem(ReviewActionItemLine item) =>
        $"{item.Text} — {item.Owner ?? "unassigned"}{(item.Due is { } due ? ", due " + CardText.Time(due)[..10] : string.Empty)}";

    private static IEnumerable<AdaptiveElement?> Section(string trustedLabel, IReadOnlyList<string> lines, int take) =>
    [
        TeamsParts.Label(trustedLabel),
        lines.Count == 0 ? TeamsParts.Subtle("None.") : TeamsParts.Bullets(lines, take),
        TeamsParts.More(lines.Count, Math.Min(take, lines.Count), "entries"),
    ];
}
