using ChatOps.Cards.Slack.Model;
using ChatOps.Cards.Text;
using ChatOps.Core.Views;

namespace ChatOps.Cards.Slack.Views;

/// <summary>Everyone sees the buttons on Slack (Core checks who may approve); Reject opens the reason modal.</summary>
internal static class ApprovalRequestBlocks
{
    public static BlockKitMessage Render(ApprovalRequestView view) =>
        SlackFit.Render(view, Math.Max(view.Systems.Count, view.Approvals.Count), n => Build(view, n));

    private static IEnumerable<Block?> Build(ApprovalRequestView view, int take)
    {
        yield return SlackParts.Header($"Deploy {view.PatchId}?");
        yield return SlackParts.Context($"{SlackParts.Esc(view.IncidentNumber)} · approval {SlackParts.Esc(view.ApprovalId)}");
        yield return SlackParts.Section($"*{ApprovalText.StatusLine(view)}*{Decision(view)}");
        yield return SlackParts.UserSection(view.PatchDescription);
        foreach (var block in SlackParts.Fields(
        [
            (view.Window.Label, CardText.Window(view.Window.Start, view.Window.End)),
            ("Containment", SlackParts.Esc(view.Containment)),
        ]))
        {
            yield return block;
        }

        if (view.ContainmentNote is not null)
        {
            yield return SlackParts.Context(SlackParts.Esc(view.ContainmentNote, SlackParts.LineMax));
        }

        // The systems are a row of their own, after the containment fields, never read as part of them.
        yield return SlackParts.Section($"*Systems to patch ({view.Systems.Count})*");
        foreach (var block in SlackParts.Bullets(view.Systems.Take(take).Select(s => SlackParts.Esc(s))))
        {
            yield return block;
        }

        yield return SlackParts.More(view.Systems.Count, Math.Min(take, view.Systems.Count), "systems");
        foreach (var block in Safety(view))
        {
            yield return block;
        }

        if (view.Approvals.Count > 0)
        {
            yield return SlackParts.Section("*Approvals*");
            foreach (var block in SlackParts.Bullets(view.Approvals.Take(take).Select(a => $"{SlackParts.Esc(a.Approver)} {CardText.Time(a.At)}")))
            {
                yield return block;
            }

            yield return SlackParts.More(view.Approvals.Count, Math.Min(take, view.Approvals.Count), "approvals");
        }

        if (ApprovalText.IsPending(view))
        {
            yield return new ActionsBlock
            {
                Elements =
                [
                    SlackParts.Button("Approve", CardVerbs.ApprovalApprove, CardData.Approval(view), ButtonStyle.Primary),
                    SlackParts.Button("Reject", CardVerbs.ApprovalRejectPrompt, CardData.Approval(view), ButtonStyle.Danger),
                ],
            };
        }
    }

    // Slack turns a bare URL into a link; one on a host the policy does not trust is shown as code, which it does not.
    private static string EvidenceLink(TestEvidenceLine evidence)
    {
        var text = SlackParts.Esc(evidence.Url ?? "-", SlackParts.LineMax);
        return evidence.Linkable || evidence.Url is null ? text : "`" + text.Replace('`', '\'') + "`";
    }

    private static string RunLines(CiRunLine? run) => run is null ? "" :
        $"\nConclusion: {SlackParts.Esc(Cards.EvidenceText.Conclusion(run), SlackParts.LineMax)}\nCommit: {SlackParts.Esc(run.Commit ?? "-", SlackParts.LineMax)}" +
        $"\nArtifact: {SlackParts.Esc(Cards.EvidenceText.Artifact(run), SlackParts.LineMax)}";

    private static IEnumerable<Block> Safety(ApprovalRequestView view)
    {
        if (view.Evidence is { } evidence)
        {
            yield return SlackParts.Section(
                $"*Test evidence*\nEnvironment: {SlackParts.Esc(evidence.Environment)}\nEvidence: {EvidenceLink(evidence)}" +
                $"\nSource: {SlackParts.Esc(Cards.EvidenceText.Source(evidence), SlackParts.LineMax)}{RunLines(evidence.Run)}" +
                $"\nNote: {SlackParts.Esc(evidence.Note ?? "-", SlackParts.LineMax)}");
        }

        if (view.WaiverReason is not null)
        {
            yield return SlackParts.UserSection(view.WaiverReason, "⚠ Testing waived");
        }

        if (view.Evidence is null && view.WaiverReason is null)
        {
            yield return SlackParts.Section("*⚠ No test evidence and no waiver*");
        }

        yield return SlackParts.UserSection(view.RollbackPlan ?? "None given.", "Rollback plan");
    }

    private static string Decision(ApprovalRequestView view)
    {
        if (ApprovalText.IsPending(view) || (view.DecidedBy is null && view.StatusReason is null))
        {
            return string.Empty;
        }

        var who = view.DecidedBy is null ? string.Empty : " by " + SlackParts.Esc(view.DecidedBy);
        var when = view.DecidedAt is { } at ? " at " + CardText.Time(at) : string.Empty;
        var why = view.StatusReason is null ? string.Empty : "\nReason: " + SlackText.EscapeFit(view.StatusReason, 2000, keepNewlines: true);
        return who + when + why;
    }
}
