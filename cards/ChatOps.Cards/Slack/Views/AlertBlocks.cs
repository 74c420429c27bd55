using ChatOps.Cards.Slack.Model;
using ChatOps.Cards.Text;
using ChatOps.Core.Views;

namespace ChatOps.Cards.Slack.Views;

/// <summary>An alert on a just-deployed system. While it fires: Roll back, and Keep, which opens the keep modal asking for the reason.</summary>
internal static class AlertBlocks
{
    public static BlockKitMessage Render(AlertCardView view) => SlackFit.Message(view, Build(view));

    private static IEnumerable<Block?> Build(AlertCardView view)
    {
        yield return SlackParts.Header(AlertText.Heading(view));
        yield return SlackParts.Context($"{SlackParts.Esc(view.IncidentNumber)} · alert {SlackParts.Esc(view.AlertId)}");
        yield return SlackParts.Section($"*{SlackParts.Esc(AlertText.Status(view), SlackParts.LineMax)}*");
        foreach (var block in SlackParts.Fields(
        [
            ("Alert", SlackParts.Esc(view.Name)),
            ("Source", SlackParts.Esc(view.Source)),
            ("System", SlackParts.Esc(view.System)),
            ("Patch", SlackParts.Esc(view.PatchId)),
            ("Fired", CardText.Time(view.FiredAt)),
            ("Since deploy", AlertText.SinceDeploy(view)),
            ("Firings", AlertText.Firings(view)),
        ]))
        {
            yield return block;
        }

        yield return view.Summary is null ? null : SlackParts.UserSection(view.Summary);
        yield return view.Reason is null ? null : SlackParts.UserSection(view.Reason, "Reason");
        if (view.Actionable)
        {
            yield return new ActionsBlock
            {
                Elements =
                [
                    SlackParts.Button("Roll back", CardVerbs.AlertRollback, CardData.Alert(view), ButtonStyle.Danger),
                    SlackParts.Button("Keep", CardVerbs.AlertKeepPrompt, CardData.Alert(view)),
                ],
            };
        }
    }
}
