using System.Text.Json.Nodes;
using ChatOps.Cards.Teams.Model;
using ChatOps.Cards.Text;
using ChatOps.Core.Views;

namespace ChatOps.Cards.Teams.Views;

internal static class DecisionLogCard
{
    public static JsonObject Render(DecisionLogPageView view) => TeamsFit.Render(view.Entries.Count, n => Build(view, n));

    private static AdaptiveCard Build(DecisionLogPageView view, int take)
    {
        var body = new List<AdaptiveElement?>
        {
            TeamsParts.Subtle(TeamsText.Markdown(view.IncidentNumber, TeamsLimits.Title)),
            TeamsParts.Heading("Decision log"),
            TeamsParts.Subtle($"Page {view.Page} of {view.PageCount}"),
            view.Entries.Count == 0 ? TeamsParts.Subtle("No decisions recorded.") : null,
        };
        body.AddRange(view.Entries.Take(take).Select(Entry));
        body.Add(TeamsParts.More(view.Entries.Count, Math.Min(take, view.Entries.Count), "entries on this page"));
        return TeamsParts.Card(view.FallbackText, body, Paging(view));
    }

    private static Container Entry(DecisionLogLine entry) => new()
    {
        Separator = true,
        Items = new List<AdaptiveElement?>
        {
            TeamsParts.Subtle($"{CardText.Time(entry.At)} · {TeamsText.Markdown(entry.Actor, TeamsLimits.Title)} · {TeamsText.Markdown(entry.Kind, TeamsLimits.Title)}"),
            TeamsParts.Para(entry.What, TeamsLimits.Line),
            entry.Reason is null ? null : new TextBlock { Text = "Reason: " + TeamsText.Markdown(entry.Reason, TeamsLimits.Line), IsSubtle = true },
        }.OfType<AdaptiveElement>().ToList(),
    };

    private static List<AdaptiveAction> Paging(DecisionLogPageView view)
    {
        var actions = new List<AdaptiveAction>();
        if (view.Page > 1)
        {
            actions.Add(TeamsParts.Execute("Previous", CardVerbs.LogPage, CardData.LogPage(view.IncidentId, view.Page - 1)));
        }

        if (view.Page < view.PageCount)
        {
            actions.Add(TeamsParts.Execute("Next", CardVerbs.LogPage, CardData.LogPage(view.IncidentId, view.Page + 1)));
        }

        return actions;
    }
}
