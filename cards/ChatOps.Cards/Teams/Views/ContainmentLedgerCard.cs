using System.Text.Json.Nodes;
using ChatOps.Cards.Teams.Model;
using ChatOps.Cards.Text;
using ChatOps.Core.Views;

namespace ChatOps.Cards.Teams.Views;

internal static class ContainmentLedgerCard
{
    public static JsonObject Render(ContainmentLedgerView view) => TeamsFit.Render(view.Actions.Count, n => Build(view, n));

    private static AdaptiveCard Build(ContainmentLedgerView view, int take)
    {
        var body = new List<AdaptiveElement?>
        {
            TeamsParts.Subtle(TeamsText.Markdown(view.IncidentNumber, TeamsLimits.Title)),
            TeamsParts.Heading("Containment ledger"),
            view.Actions.Count == 0 ? TeamsParts.Subtle("No containment actions recorded.") : null,
        };
        body.AddRange(view.Actions.Take(take).Select(Action));
        body.Add(TeamsParts.More(view.Actions.Count, Math.Min(take, view.Actions.Count), "actions"));
        return TeamsParts.Card(view.FallbackText, body);
    }

    private static Container Action(ContainmentActionLine action) => new()
    {
        Separator = true,
        Items = new List<AdaptiveElement?>
        {
            new TextBlock { Text = $"{ContainmentText.Icon(action.Mark)} {TeamsText.Markdown(action.Text, TeamsLimits.Line)}", Weight = TextWeight.Bolder },
            TeamsParts.Subtle(string.Join(" · ", Details(action))),
            action.UndoInstructions is null ? null : new TextBlock { Text = "Undo: " + TeamsText.Markdown(action.UndoInstructions, TeamsLimits.Line), Size = TextSize.Small },
        }.OfType<AdaptiveElement>().ToList(),
    };

    private static IEnumerable<string> Details(ContainmentActionLine action)
    {
        yield return $"{TeamsText.Markdown(action.Id, TeamsLimits.Title)}: {ContainmentText.Label(action.Mark)}";
        yield return "owner " + TeamsText.Markdown(action.Owner ?? "unassigned", TeamsLimits.Title);
        if (action.DoneAt is { } done)
        {
            yield return "done " + CardText.Time(done);
        }

        if (action.Mark == ContainmentMark.Reversed)
        {
            yield return "reversed" + (action.ReversedBy is null ? string.Empty : " by " + TeamsText.Markdown(action.ReversedBy, TeamsLimits.Title))
                + (action.ReversedAt is { } at ? " at " + CardText.Time(at) : string.Empty);
        }

        if (action.Mark == ContainmentMark.Kept)
        {
            yield return "kept: " + TeamsText.Markdown(action.KeptReason ?? "no reason given", TeamsLimits.Line);
        }
    }
}
