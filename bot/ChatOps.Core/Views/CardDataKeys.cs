namespace ChatOps.Core.Views;

/// <summary>
/// Names of the fields cards put in action data (Teams <c>Action.Execute.data</c>, Slack button <c>value</c> JSON
/// and modal <c>private_metadata</c>). All values are strings; numbers are invariant-culture decimals.
/// </summary>
public static class CardDataKeys
{
    public const string IncidentId = "incidentId";
    public const string ItemId = "itemId";
    public const string ApprovalId = "approvalId";
    public const string NoticeId = "noticeId";
    public const string Version = "version";
    public const string Page = "page";
    public const string AlertId = "alertId";

    /// <summary>The phase a checklist card shows (<c>contain</c>, <c>test</c>…).</summary>
    public const string Phase = "phase";

    /// <summary>The kind of phase dialog a form belongs to (<c>assess</c>, <c>checklist:contain</c>, <c>review</c>…).</summary>
    public const string Dialog = "dialog";

    /// <summary>The reject reason input (Teams <c>Input.Text</c> id; Slack modal block_id and action_id).</summary>
    public const string Reason = "reason";
}
