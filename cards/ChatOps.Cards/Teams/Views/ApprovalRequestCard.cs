using System.Text.Json.Nodes;
using ChatOps.Cards.Teams.Model;
using ChatOps.Cards.Text;
using ChatOps.Core.Views;

namespace ChatOps.Cards.Teams.Views;

/// <summary>
/// Without a viewer (or for a non-approver) the card shows the status and, while pending, a <c>refresh</c> for the
/// approvers; rendered for an approver it adds Approve and Reject (a ShowCard asking for the reason).
/// </summary>
internal static class ApprovalRequestCard
{
    public static JsonObject Render(ApprovalRequestView view, RenderOptions options)
    {
        var forApprover = ApprovalText.IsPending(view) && options.ViewerUserId is { } viewer && view.ApproverUserIds.Contains(viewer);
        return TeamsFit.Render(Math.Max(view.Systems.Count, view.Approvals.Count), n => Build(view, n, forApprover));
    }

    private static AdaptiveCard Build(ApprovalRequestView view, int take, bool forApprover)
    {
        var pending = ApprovalText.IsPending(view);
        var body = new List<AdaptiveElement?>
        {
            TeamsParts.Subtle($"{TeamsText.Markdown(view.IncidentNumber, TeamsLimits.Title)} · approval {TeamsText.Markdown(view.ApprovalId, TeamsLimits.Title)}"),
            TeamsParts.Heading($"Deploy {view.PatchId}?"),
            TeamsParts.Colored(ApprovalText.StatusLine(view), StatusColor(view.Status)),
            Decision(view),
            TeamsParts.Para(view.PatchDescription, 1000),
            TeamsParts.Facts(
            [
                TeamsParts.Fact(view.Window.Label, CardText.Window(view.Window.Start, view.Window.End)),
                TeamsParts.Fact("Containment", view.Containment),
            ]),
            view.ContainmentNote is null ? null : TeamsParts.Subtle(TeamsText.Markdown(view.ContainmentNote, TeamsLimits.Line)),
            // The systems are a row of their own, after the containment facts, never read as part of them.
            TeamsParts.Label($"Systems to patch ({view.Systems.Count})"),
            TeamsParts.Bullets(view.Systems, take),
            TeamsParts.More(view.Systems.Count, Math.Min(take, view.Systems.Count), "systems"),
        };
        body.AddRange(Safety(view));
        if (view.Approvals.Count > 0)
        {
            body.Add(TeamsParts.Label("Approvals"));
            body.Add(TeamsParts.Facts(view.Approvals.Take(take).Select(a =>
                new Fact(TeamsText.Markdown(a.Approver, TeamsLimits.Title), CardText.Time(a.At)))));
            body.Add(TeamsParts.More(view.Approvals.Count, Math.Min(take, view.Approvals.Count), "approvals"));
        }

        if (pending && !forApprover)
        {
            body.Add(TeamsParts.Subtle("Only approvers see the Approve and Reject buttons."));
        }

        var actions = (forApprover ? Buttons(view) : []).Concat(EvidenceLink(view)).ToList();
        return TeamsParts.Card(view.FallbackText, body, actions, pending ? Refresh(view) : null);
    }

    private static IEnumerable<AdaptiveElement?> Safety(ApprovalRequestView view)
    {
        if (view.Evidence is { } evidence)
        {
            yield return TeamsParts.Label("Test evidence");
            yield return TeamsParts.Facts(
            [
                TeamsParts.Fact("Environment", evidence.Environment),
                TeamsParts.Fact("Evidence", evidence.Url),
                TeamsParts.Fact("Source", EvidenceText.Source(evidence)),
                .. RunFacts(evidence.Run),
                TeamsParts.Fact("Note", evidence.Note),
            ]);
        }

        if (view.WaiverReason is not null)
        {
            yield return TeamsParts.Colored("⚠ Testing waived", TextColor.Warning);
            yield return TeamsParts.Para(view.WaiverReason, 1000);
        }

        if (view.Evidence is null && view.WaiverReason is null)
        {
            yield return TeamsParts.Colored("⚠ No test evidence and no waiver", TextColor.Attention);
        }

        yield return TeamsParts.Label("Rollback plan");
        yield return TeamsParts.Para(view.RollbackPlan ?? "None given.", 1000);
    }

    private static IEnumerable<Fact> RunFacts(CiRunLine? run) => run is null ? [] :
    [
        TeamsParts.Fact("Conclusion", EvidenceText.Conclusion(run)),
        TeamsParts.Fact("Commit", run.Commit),
        TeamsParts.Fact("Artifact", EvidenceText.Artifact(run)),
    ];

    private static TextBlock? Decision(ApprovalRequestView view)
    {
        if (ApprovalText.IsPending(view) || (view.DecidedBy is null && view.StatusReason is null))
        {
            return null;
        }

        var who = view.DecidedBy is null ? string.Empty : $"by {TeamsText.Markdown(view.DecidedBy, TeamsLimits.Title)}";
        var when = view.DecidedAt is { } at ? $" at {CardText.Time(at)}" : string.Empty;
        var why = view.StatusReason is null ? string.Empty : $"\n\nReason: {TeamsText.Markdown(view.StatusReason, 1000, keepNewlines: true)}";
        return new TextBlock { Text = (who + when).Trim() + why };
    }

    private static List<AdaptiveAction> Buttons(ApprovalRequestView view) =>
    [
        TeamsParts.Execute("Approve", CardVerbs.ApprovalApprove, CardData.Approval(view), ActionStyle.Positive),
        new ShowCardAction
        {
            Title = "Reject",
            Style = ActionStyle.Destructive,
            Card = new AdaptiveCard
            {
                Body =
                [
                    new InputText
                    {
                        Id = CardDataKeys.Reason,
                        Label = "Why reject this deployment?",
                        IsMultiline = true,
                        IsRequired = true,
                        ErrorMessage = "A reason is required.",
                        MaxLength = 500,
                    },
                ],
                Actions = [TeamsParts.Execute("Reject deployment", CardVerbs.ApprovalReject, CardData.Approval(view), ActionStyle.Destructive)],
            },
        },
    ];

    // Only links on a host the policy trusts (Policy:EvidenceHosts) become a button; anything else stays visible as text.
    private static IEnumerable<AdaptiveAction> EvidenceLink(ApprovalRequestView view)
    {
        if (view.Evidence is { Linkable: true } && Uri.TryCreate(view.Evidence.Url, UriKind.Absolute, out var url) && url.Scheme is "https" && url.AbsoluteUri.Length <= 2000)
        {
            yield return new OpenUrlAction { Title = "Open test evidence", Url = url };
        }
    }

    private static Refresh Refresh(ApprovalRequestView view) => new()
    {
        Action = new ExecuteAction { Title = "Refresh", Verb = CardVerbs.ApprovalRefresh, Data = CardData.Approval(view) },
        UserIds = view.ApproverUserIds.Distinct(StringComparer.Ordinal).Take(TeamsLimits.RefreshUserIds).ToList(),
    };

    private static TextColor StatusColor(ApprovalCardStatus status) => status switch
    {
        ApprovalCardStatus.Pending => TextColor.Warning,
        ApprovalCardStatus.Approved or ApprovalCardStatus.Deployed => TextColor.Good,
        ApprovalCardStatus.Rejected => TextColor.Attention,
        _ => TextColor.Default,
    };
}
