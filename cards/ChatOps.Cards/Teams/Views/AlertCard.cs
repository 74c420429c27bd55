using System.Text.Json.Nodes;
using ChatOps.Cards.Teams.Model;
using ChatOps.Cards.Text;
using ChatOps.Core.Views;

namespace ChatOps.Cards.Teams.Views;

/// <summary>An alert on a just-deployed system: what, where, since when, how often; Roll back and Keep (a ShowCard asking why) while it fires.</summary>
internal static class AlertCard
{
    public static JsonObject Render(AlertCardView view) => TeamsFit.Render(1, _ => Build(view));

    private static AdaptiveCard Build(AlertCardView view)
    {
        var body = new List<AdaptiveElement?>
        {
            TeamsParts.Subtle($"{TeamsText.Markdown(view.IncidentNumber, TeamsLimits.Title)} · alert {TeamsText.Markdown(view.AlertId, TeamsLimits.Title)}"),
            TeamsParts.Heading(AlertText.Heading(view)),
            TeamsParts.Colored(TeamsText.Markdown(AlertText.Status(view), TeamsLimits.Line), view.Actionable ? TextColor.Attention : TextColor.Good),
            TeamsParts.Facts(
            [
                TeamsParts.Fact("Alert", view.Name),
                TeamsParts.Fact("Source", view.Source),
                TeamsParts.Fact("System", view.System),
                TeamsParts.Fact("Patch", view.PatchId),
                TeamsParts.Fact("Fired", CardText.Time(view.FiredAt)),
                TeamsParts.Fact("Since deploy", AlertText.SinceDeploy(view)),
                TeamsParts.Fact("Firings", AlertText.Firings(view)),
            ]),
            view.Summary is null ? null : TeamsParts.Para(view.Summary, 1000),
            view.Reason is null ? null : TeamsParts.Para("Reason: " + view.Reason, 1000),
        };
        return TeamsParts.Card(view.FallbackText, body, view.Actionable ? Buttons(view) : null);
    }

    private static List<AdaptiveAction> Buttons(AlertCardView view) =>
    [
        TeamsParts.Execute("Roll back", CardVerbs.AlertRollback, CardData.Alert(view), ActionStyle.Destructive),
        new ShowCardAction
        {
            Title = "Keep",
            Card = new AdaptiveCard
            {
                Body =
                [
                    new InputText
                    {
                        Id = CardDataKeys.Reason,
                        Label = "Why keep the deployment despite this alert?",
                        IsMultiline = true,
                        IsRequired = true,
                        ErrorMessage = "A reason is required.",
                        MaxLength = 500,
                    },
                ],
                Actions = [TeamsParts.Execute("Keep deployment", CardVerbs.AlertKeep, CardData.Alert(view), ActionStyle.Positive)],
            },
        },
    ];
}
