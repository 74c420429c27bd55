namespace ChatOps.Core.Views;

/// <summary>
/// Every action verb a rendered card can emit (Teams <c>Action.Execute</c> verb, Slack <c>action_id</c> or
/// modal <c>callback_id</c>). One place, so a lint test can check that each has a handler.
/// Card data values are always strings (see <see cref="CardDataKeys"/>).
/// </summary>
public static class CardVerbs
{
    /// <summary>Toggle a checklist item. Data: incidentId, itemId, version.</summary>
    public const string ChecklistToggle = "checklist.toggle";

    /// <summary>Approve a deployment. Data: incidentId, approvalId, version.</summary>
    public const string ApprovalApprove = "approval.approve";

    /// <summary>
    /// Reject a deployment. Data: incidentId, approvalId, version, reason (Teams: the ShowCard input;
    /// Slack: the <c>callback_id</c> of the reject modal, fields in <c>private_metadata</c> and the reason input).
    /// </summary>
    public const string ApprovalReject = "approval.reject";

    /// <summary>
    /// Slack only: the Reject button, which asks the channel to open the reject modal
    /// (<c>BlockKitRenderer.RenderRejectModal</c>). Data: incidentId, approvalId, version.
    /// </summary>
    public const string ApprovalRejectPrompt = "approval.reject.prompt";

    /// <summary>Teams only: <c>refresh</c> of an approval card for an approver. Data: incidentId, approvalId, version.</summary>
    public const string ApprovalRefresh = "approval.refresh";

    /// <summary>Acknowledge a stakeholder notice. Data: incidentId, noticeId.</summary>
    public const string NoticeAck = "notice.ack";

    /// <summary>Show another page of the decision log. Data: incidentId, page.</summary>
    public const string LogPage = "log.page";

    /// <summary>Open a phase dialog as a form (the "Open form" button under a dialog question). Data: incidentId, dialog.</summary>
    public const string DialogForm = "dialog.form";

    /// <summary>
    /// Submit a phase dialog form (Teams Action.Execute; Slack modal callback_id). Data: incidentId, dialog, and one
    /// value per <see cref="FormField.Id"/>.
    /// </summary>
    public const string DialogSubmit = "dialog.submit";

    /// <summary>Keep a deployment despite an alert. Data: incidentId, alertId, reason (Teams: the ShowCard input).</summary>
    public const string AlertKeep = "alert.keep";

    /// <summary>Roll back the patch an alert fired after. Data: incidentId, alertId.</summary>
    public const string AlertRollback = "alert.rollback";

    /// <summary>
    /// Slack only: the Keep button, which opens the keep modal (<c>BlockKitRenderer.RenderKeepModal</c>) asking for the reason;
    /// its submission comes back as <see cref="AlertKeep"/>. Data: incidentId, alertId.
    /// </summary>
    public const string AlertKeepPrompt = "alert.keep.prompt";

    public static IReadOnlyList<string> All { get; } =
    [
        ChecklistToggle, ApprovalApprove, ApprovalReject, ApprovalRejectPrompt, ApprovalRefresh, NoticeAck, LogPage, DialogForm, DialogSubmit,
        AlertKeep, AlertRollback, AlertKeepPrompt,
    ];
}
