using System.Text.Json.Nodes;
using ChatOps.Cards.Teams.Model;
using ChatOps.Core.Views;

namespace ChatOps.Cards.Teams.Views;

/// <summary>Cards with no lists: text, error and welcome.</summary>
internal static class SimpleCards
{
    public static JsonObject Text(TextView view) =>
        AdaptiveCardSerializer.ToJsonObject(TeamsParts.Card(view.FallbackText, [TeamsParts.Para(view.Text)]));

    public static JsonObject Error(ErrorView view) => AdaptiveCardSerializer.ToJsonObject(TeamsParts.Card(view.FallbackText,
    [
        new TextBlock { Text = "⚠ " + TeamsText.Markdown(view.Message, TeamsLimits.Paragraph, keepNewlines: true), Color = TextColor.Attention },
        view.Usage is null ? null : TeamsParts.Subtle("Usage: " + TeamsText.Markdown(view.Usage, TeamsLimits.Line)),
    ]));

    public static JsonObject Welcome(WelcomeView view) => AdaptiveCardSerializer.ToJsonObject(TeamsParts.Card(view.FallbackText,
    [
        TeamsParts.Heading("ChatOps is here to help with emergency patching"),
        new TextBlock { Text = "I walk the team through Assess, Contain, Test, Implement, Communicate, Document and Review, and record every decision." },
        TeamsParts.Label("Start an incident"),
        new TextBlock { Text = TeamsText.Markdown(view.StartUsage, TeamsLimits.Line) },
        TeamsParts.Subtle("See every command: " + TeamsText.Markdown(view.HelpUsage, TeamsLimits.Line)),
    ]));
}
