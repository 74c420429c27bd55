using System.Text.Json.Nodes;
using ChatOps.Cards.Slack.Views;
using ChatOps.Core.Views;

namespace ChatOps.Cards.Slack;

/// <summary>
/// Turns a view into a Block Kit message within Slack's limits (<see cref="SlackLimits"/>): long text is cut with "…",
/// long lists show what fits in 50 blocks and say how many more there are.
/// </summary>
public static class BlockKitRenderer
{
    public static BlockKitMessage Render(View view)
    {
        ArgumentNullException.ThrowIfNull(view);
        return view switch
        {
            IncidentSummaryView v => IncidentSummaryBlocks.Render(v),
            ChecklistView v => ChecklistBlocks.Render(v),
            ApprovalRequestView v => ApprovalRequestBlocks.Render(v),
            StatusUpdateView v => StatusUpdateBlocks.Render(v),
            ContainmentLedgerView v => ContainmentLedgerBlocks.Render(v),
            PatchMatrixView v => PatchMatrixBlocks.Render(v),
            AlertCardView v => AlertBlocks.Render(v),
            DecisionLogPageView v => DecisionLogBlocks.Render(v),
            ReviewSummaryView v => ReviewSummaryBlocks.Render(v),
            HelpView v => HelpBlocks.Render(v),
            ErrorView v => SimpleBlocks.Error(v),
            WelcomeView v => SimpleBlocks.Welcome(v),
            TextView v => SimpleBlocks.Text(v),
            DialogQuestionView v => DialogFormBlocks.Render(v),
            // A view added to Core before Cards knows it still reaches the user as its plain-text summary.
            _ => SimpleBlocks.Text(new TextView(view.FallbackText)),
        };
    }

    /// <summary>
    /// The <c>view</c> for <c>views.open</c> when someone presses Reject (<see cref="CardVerbs.ApprovalRejectPrompt"/>):
    /// callback_id <see cref="CardVerbs.ApprovalReject"/>, approval data in <c>private_metadata</c>, and the reason in
    /// <c>state.values["reason"]["reason"].value</c>.
    /// </summary>
    /// <summary>The modal an alert card's Keep button opens: callback_id <c>alert.keep</c>, the alert in private_metadata, the reason input.</summary>
    public static JsonObject RenderKeepModal(AlertCardView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        return ReasonModal.Keep(view);
    }

    public static JsonObject RenderRejectModal(ApprovalRequestView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        return ReasonModal.Reject(view);
    }

    /// <summary>
    /// The <c>view</c> for <c>views.open</c> when someone presses Open form under a dialog question
    /// (<see cref="CardVerbs.DialogForm"/>): callback_id <see cref="CardVerbs.DialogSubmit"/>, incident and dialog in
    /// <c>private_metadata</c>, each field's value in <c>state.values[fieldId][fieldId]</c>.
    /// </summary>
    public static JsonObject RenderDialogModal(DialogFormView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        return DialogFormBlocks.RenderModal(view);
    }
}
