using ChatOps.Cards.Slack.Model;
using ChatOps.Core.Views;

namespace ChatOps.Cards.Slack.Views;

internal static class HelpBlocks
{
    public static BlockKitMessage Render(HelpView view) => view.Detail is { } detail
        ? SlackFit.Render(view, detail.Examples?.Count ?? 0, n => Detail(detail, n))
        : SlackFit.Render(view, view.Commands.Count, n => List(view, n));

    private static IEnumerable<Block?> List(HelpView view, int take) =>
        new Block?[] { SlackParts.Header("Commands") }
            .Concat(SlackParts.Bullets(view.Commands.Take(take).Select(c => $"{Code(c.Usage)} — {SlackParts.Esc(c.Summary, SlackParts.LineMax)}")))
            .Append(SlackParts.More(view.Commands.Count, Math.Min(take, view.Commands.Count), "commands"))
            .Append(SlackParts.Context("Type help followed by a command name for details."));

    private static IEnumerable<Block?> Detail(CommandHelpLine detail, int take) =>
        new Block?[]
        {
            SlackParts.Section(Code(detail.Usage)),
            SlackParts.UserSection(detail.Summary),
            detail.Detail is null ? null : SlackParts.UserSection(detail.Detail),
            detail.Examples is { Count: > 0 } ? SlackParts.Section("*Examples*") : null,
        }
        .Concat(SlackParts.Bullets((detail.Examples ?? []).Take(take).Select(Code)))
        .Append(SlackParts.More(detail.Examples?.Count ?? 0, Math.Min(take, detail.Examples?.Count ?? 0), "examples"));

    // A backtick inside would end the code span early.
    private static string Code(string usage) => "`" + SlackParts.Esc(usage.Replace('`', '\''), SlackParts.LineMax) + "`";
}
