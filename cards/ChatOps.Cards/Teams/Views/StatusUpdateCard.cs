using System.Text.Json.Nodes;
using ChatOps.Cards.Teams.Model;
using ChatOps.Cards.Text;
using ChatOps.Core.Views;

namespace ChatOps.Cards.Teams.Views;

/// <summary>One template per audience: IT (systems, patch, window), management (impact, timeline), users (changes, when).</summary>
internal static class StatusUpdateCard
{
    public static JsonObject Render(StatusUpdateView view) =>
        TeamsFit.Render(Math.Max(view.Systems.Count, view.Timeline.Count), n => Build(view, n));

    private static AdaptiveCard Build(StatusUpdateView view, int take)
    {
        var body = new List<AdaptiveElement?>
        {
            TeamsParts.Subtle($"{TeamsText.Markdown(view.IncidentNumber, TeamsLimits.Title)} · update for {NoticeText.AudienceLabel(view.Audience)} · {CardText.Time(view.SentAt)}"),
            TeamsParts.Heading(view.IncidentTitle),
            TeamsParts.Subtle("Phase: " + TeamsText.Markdown(view.Phase, TeamsLimits.Title)),
            TeamsParts.Para(view.Message),
        };
        body.AddRange(view.Audience switch
        {
            NoticeAudience.It => ForIt(view, take),
            NoticeAudience.Management => ForManagement(view, take),
            _ => ForUsers(view),
        });
        var ack = TeamsParts.Execute(NoticeText.AckTitle, CardVerbs.NoticeAck, CardData.NoticeAck(view.IncidentId, view.NoticeId), ActionStyle.Positive);
        return TeamsParts.Card(view.FallbackText, body, view.Acknowledgeable ? [ack] : null);
    }

    private static IEnumerable<AdaptiveElement?> ForIt(StatusUpdateView view, int take) =>
    [
        TeamsParts.Facts(
        [
            TeamsParts.Fact("Patch", view.PatchId is null ? null : $"{view.PatchId} {view.PatchDescription}".Trim()),
            TeamsParts.Fact("Window", view.Window is { } w ? CardText.Window(w.Start, w.End) : "not scheduled"),
            TeamsParts.Fact("Systems", CardText.Count(view.Systems.Count, "system", "systems")),
        ]),
        TeamsParts.Bullets(view.Systems, take),
        TeamsParts.More(view.Systems.Count, Math.Min(take, view.Systems.Count), "systems"),
    ];

    private static IEnumerable<AdaptiveElement?> ForManagement(StatusUpdateView view, int take) =>
    [
        TeamsParts.Label("Impact"),
        TeamsParts.Para(view.Impact ?? "No impact assessment yet."),
        view.Timeline.Count == 0 ? null : TeamsParts.Label("Timeline"),
        TeamsParts.Facts(view.Timeline.Take(take).Select(t => new Fact(CardText.Time(t.At), TeamsText.Markdown(t.Text, TeamsLimits.Line)))),
        TeamsParts.More(view.Timeline.Count, Math.Min(take, view.Timeline.Count), "milestones"),
    ];

    private static IEnumerable<AdaptiveElement?> ForUsers(StatusUpdateView view) =>
    [
        TeamsParts.Label("What changes for you"),
        TeamsParts.Para(view.UserChanges ?? "Nothing changes for you."),
        TeamsParts.Label("When"),
        new TextBlock { Text = view.Window is { } w ? CardText.Window(w.Start, w.End) : "Not scheduled yet; we will tell you before anything changes." },
    ];
}
