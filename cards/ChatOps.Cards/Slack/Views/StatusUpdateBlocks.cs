using ChatOps.Cards.Slack.Model;
using ChatOps.Cards.Text;
using ChatOps.Core.Views;

namespace ChatOps.Cards.Slack.Views;

/// <summary>One template per audience: IT (systems, patch, window), management (impact, timeline), users (changes, when).</summary>
internal static class StatusUpdateBlocks
{
    public static BlockKitMessage Render(StatusUpdateView view) =>
        SlackFit.Render(view, Math.Max(view.Systems.Count, view.Timeline.Count), n => Build(view, n));

    private static IEnumerable<Block?> Build(StatusUpdateView view, int take)
    {
        yield return SlackParts.Header(view.IncidentTitle);
        yield return SlackParts.Context(
            $"{SlackParts.Esc(view.IncidentNumber)} · update for {NoticeText.AudienceLabel(view.Audience)} · {CardText.Time(view.SentAt)} · phase {SlackParts.Esc(view.Phase)}");
        yield return SlackParts.UserSection(view.Message);
        var specific = view.Audience switch
        {
            NoticeAudience.It => ForIt(view, take),
            NoticeAudience.Management => ForManagement(view, take),
            _ => ForUsers(view),
        };
        foreach (var block in specific)
        {
            yield return block;
        }

        if (!view.Acknowledgeable)
        {
            yield break;
        }

        yield return new ActionsBlock
        {
            Elements = [SlackParts.Button(NoticeText.AckTitle, CardVerbs.NoticeAck, CardData.NoticeAck(view.IncidentId, view.NoticeId), ButtonStyle.Primary)],
        };
    }

    private static IEnumerable<Block?> ForIt(StatusUpdateView view, int take) => SlackParts.Fields(
        [
            ("Patch", SlackParts.Esc(view.PatchId is null ? "-" : $"{view.PatchId} {view.PatchDescription}".Trim(), SlackParts.LineMax)),
            ("Window", view.Window is { } w ? CardText.Window(w.Start, w.End) : "not scheduled"),
            ("Systems", CardText.Count(view.Systems.Count, "system", "systems")),
        ])
        .Concat(SlackParts.Bullets(view.Systems.Take(take).Select(s => SlackParts.Esc(s))))
        .Append(SlackParts.More(view.Systems.Count, Math.Min(take, view.Systems.Count), "systems"));

    private static IEnumerable<Block?> ForManagement(StatusUpdateView view, int take) =>
        new Block?[]
        {
            SlackParts.UserSection(view.Impact ?? "No impact assessment yet.", "Impact"),
            view.Timeline.Count == 0 ? null : SlackParts.Section("*Timeline*"),
        }
        .Concat(SlackParts.Bullets(view.Timeline.Take(take).Select(t => $"{CardText.Time(t.At)}: {SlackParts.Esc(t.Text, SlackParts.LineMax)}")))
        .Append(SlackParts.More(view.Timeline.Count, Math.Min(take, view.Timeline.Count), "milestones"));

    private static IEnumerable<Block?> ForUsers(StatusUpdateView view) =>
    [
        SlackParts.UserSection(view.UserChanges ?? "Nothing changes for you.", "What changes for you"),
        SlackParts.Section("*When*\n" + (view.Window is { } w ? CardText.Window(w.Start, w.End) : "Not scheduled yet; we will tell you before anything changes.")),
    ];
}
