using System.Globalization;
using ChatOps.Core.Commands;
using ChatOps.Core.Incidents;
using ChatOps.Core.Views;

namespace ChatOps.Core.Workflow.Handlers;

/// <summary>
/// Routes button presses by verb. Card data may name the incident, item and card version; it never says who is
/// acting (that is the authenticated actor), and a card from another incident or conversation is refused.
/// </summary>
public sealed class CardActionRouter(DialogHandler dialogs)
{
    public const string ChecklistToggle = "checklist.toggle";
    public const string ApprovalApprove = "approval.approve";
    public const string ApprovalReject = "approval.reject";
    public const string ApprovalRefresh = "approval.refresh";
    public const string ApprovalRejectPrompt = "approval.reject.prompt";

    public const string NoticeAck = "notice.ack";

    public static IReadOnlyCollection<string> Verbs { get; } = [ChecklistToggle, ApprovalApprove, ApprovalReject, ApprovalRefresh, ApprovalRejectPrompt, NoticeAck, LogHandler.PageVerb, CardVerbs.DialogForm, CardVerbs.DialogSubmit, CardVerbs.AlertKeep, CardVerbs.AlertRollback, CardVerbs.AlertKeepPrompt];

    public async Task<CommandResult> HandleAsync(CommandContext context, CardAction action)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(action);
        if (action.Verb == LogHandler.PageVerb) return await LogHandler.PageAsync(context, action); // read-only: works after close too
        var incidentId = action.Get("incidentId");
        if (action.Verb == NoticeAck)
        {
            // Pressed in a 1:1 chat, not the incident channel: the incident is looked up in the actor's own tenant.
            return incidentId is null || action.Get("noticeId") is not { } noticeId
                ? Stale("This Acknowledge button carries no notice.")
                : await NotifyHandler.AcknowledgeAsync(context, incidentId, noticeId);
        }

        var active = await context.IncidentIdAsync();
        if (incidentId is null || active is null || !string.Equals(incidentId, active, StringComparison.Ordinal))
        {
            return Stale("This card belongs to an incident that is not active in this conversation.");
        }

        switch (action.Verb)
        {
            case ChecklistToggle:
                var version = long.TryParse(action.Get("version"), NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : (long?)null;
                Phase? phase = action.Get("phase") is { } p && PhaseNames.TryParse(p, out Phase parsed) ? parsed : null;
                var item = action.Get("itemId");
                return item is null
                    ? Stale("This checklist button carries no item.")
                    : await ChecklistHandler.ToggleAsync(context, item, done: null, phase, version, ReplyMode.UpdateCard);
            case ApprovalApprove or ApprovalReject:
                return await ApprovalActions.DecideAsync(context, action, approve: action.Verb == ApprovalApprove);
            case ApprovalRefresh:
                return await ApprovalActions.RefreshAsync(context, action, ReplyMode.UpdateCard);
            case CardVerbs.DialogForm or CardVerbs.DialogSubmit:
                return await dialogs.HandleFormAsync(context, action);
            case CardVerbs.AlertKeep or CardVerbs.AlertRollback:
                return await AlertHandler.ClickAsync(context, action);
            case CardVerbs.AlertKeepPrompt:
                return await AlertHandler.PromptAsync(context, action);
            case ApprovalRejectPrompt:
                return await ApprovalActions.RefreshAsync(context, action, ReplyMode.Form);
            default:
                return Stale($"This card's action '{action.Verb}' is not supported by this version of ChatOps.");
        }
    }

    private static CommandResult Stale(string message) => CommandContext.Error(message);
}
