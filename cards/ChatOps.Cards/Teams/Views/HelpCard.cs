using System.Text.Json.Nodes;
using ChatOps.Cards.Teams.Model;
using ChatOps.Core.Views;

namespace ChatOps.Cards.Teams.Views;

internal static class HelpCard
{
    public static JsonObject Render(HelpView view) => view.Detail is { } detail
        ? TeamsFit.Render(detail.Examples?.Count ?? 0, n => Detail(view, detail, n))
        : TeamsFit.Render(view.Commands.Count, n => List(view, n));

    private static AdaptiveCard List(HelpView view, int take) => TeamsParts.Card(view.FallbackText,
    [
        TeamsParts.Heading("Commands"),
        TeamsParts.Facts(view.Commands.Take(take).Select(c => new Fact(
            TeamsText.Markdown(c.Usage, TeamsLimits.Title), TeamsText.Markdown(c.Summary, TeamsLimits.Line)))),
        TeamsParts.More(view.Commands.Count, Math.Min(take, view.Commands.Count), "commands"),
        TeamsParts.Subtle("Type help followed by a command name for details."),
    ]);

    private static AdaptiveCard Detail(HelpView view, CommandHelpLine detail, int take) => TeamsParts.Card(view.FallbackText,
    [
        TeamsParts.Heading(detail.Usage, TextSize.Medium),
        TeamsParts.Para(detail.Summary),
        detail.Detail is null ? null : TeamsParts.Para(detail.Detail),
        detail.Examples is { Count: > 0 } ? TeamsParts.Label("Examples") : null,
        TeamsParts.Bullets(detail.Examples ?? [], take),
        TeamsParts.More(detail.Examples?.Count ?? 0, Math.Min(take, detail.Examples?.Count ?? 0), "examples"),
    ]);
}
