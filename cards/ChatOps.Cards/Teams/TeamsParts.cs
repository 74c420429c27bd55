using ChatOps.Cards.Teams.Model;
using ChatOps.Cards.Text;
using ChatOps.Core.Views;

namespace ChatOps.Cards.Teams;

/// <summary>Building blocks shared by the Teams card builders. Every string passed in is user text unless named "trusted".</summary>
internal static class TeamsParts
{
    public static AdaptiveCard Card(
        string fallbackText,
        IEnumerable<AdaptiveElement?> body,
        IReadOnlyList<AdaptiveAction>? actions = null,
        Refresh? refresh = null) => new()
        {
            Schema = AdaptiveCard.SchemaUrl,
            Version = AdaptiveCard.Version15,
            FallbackText = TeamsText.Plain(fallbackText, TeamsLimits.Paragraph),
            Refresh = refresh,
            Body = body.OfType<AdaptiveElement>().ToList(),
            Actions = actions is { Count: > 0 } ? actions : null,
        };

    public static TextBlock Heading(string text, TextSize size = TextSize.Large) =>
        new() { Text = TeamsText.Markdown(text, TeamsLimits.Title), Size = size, Weight = TextWeight.Bolder };

    public static TextBlock Label(string trusted) =>
        new() { Text = trusted, Weight = TextWeight.Bolder, Spacing = Spacing.Medium };

    public static TextBlock Para(string? text, int max = TeamsLimits.Paragraph) =>
        new() { Text = TeamsText.Markdown(text, max, keepNewlines: true) };

    public static TextBlock Subtle(string markdown) => new() { Text = markdown, IsSubtle = true, Size = TextSize.Small };

    public static TextBlock Colored(string markdown, TextColor color) => new() { Text = markdown, Color = color, Weight = TextWeight.Bolder };

    public static Fact Fact(string trustedTitle, string? value) =>
        new(trustedTitle, TeamsText.Markdown(string.IsNullOrWhiteSpace(value) ? "-" : value, TeamsLimits.Line));

    public static FactSet? Facts(IEnumerable<Fact> facts)
    {
        var list = facts.ToList();
        return list.Count == 0 ? null : new FactSet { Facts = list };
    }

    /// <summary>A markdown bullet list of escaped user lines, or null when empty.</summary>
    public static TextBlock? Bullets(IEnumerable<string> lines, int take)
    {
        var items = lines.Take(take).Select(l => "- " + TeamsText.Markdown(l, TeamsLimits.Line)).ToList();
        return items.Count == 0 ? null : new TextBlock { Text = string.Join("\n", items) };
    }

    /// <summary>"… and 12 more systems not shown" when a list was cut to fit, else null.</summary>
    public static TextBlock? More(int total, int shown, string plural) =>
        total > shown ? Subtle($"{CardText.Ellipsis} and {total - shown} more {plural} not shown") : null;

    public static ExecuteAction Execute(string title, string verb, IReadOnlyDictionary<string, string> data, ActionStyle? style = null) =>
        new() { Title = TeamsText.Plain(title, TeamsLimits.ButtonTitle), Verb = verb, Data = data, Style = style };

    public static TextColor SeverityColor(SeverityBadge severity) => severity switch
    {
        SeverityBadge.Sev1 => TextColor.Attention,
        SeverityBadge.Sev2 => TextColor.Warning,
        SeverityBadge.Sev3 => TextColor.Accent,
        _ => TextColor.Default,
    };
}
