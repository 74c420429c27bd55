using System.Collections.Frozen;
using System.Globalization;
using ChatOps.Core.Commands;
using ChatOps.Core.Incidents;
using ChatOps.Core.Views;

namespace ChatOps.Core.Workflow.Handlers;

/// <summary>
/// Routes button presses by verb through one table (<see cref="Routes"/>: verb → handler), which the lint test reads
/// too. Card data may name the incident, item and card version; it never says who is acting (that is the authenticated
/// actor), and a card from another incident or conversation is refused.
/// </summary>
public sealed class CardActionRouter
{
    public CardActionRouter(DialogHandler dialogs)
    {
        ArgumentNullException.ThrowIfNull(dialogs);
        Routes = new Dictionary<string, Route>(StringComparer.Ordinal)
        {
            // Read-only, so it works after close too.
            [CardVerbs.LogPage] = new(LogHandler.PageAsync, InActiveIncident: false),
            // Pressed in a 1:1 chat, not the incident channel: the incident is looked up in the actor's own tenant.
            [CardVerbs.NoticeAck] = new(AcknowledgeAsync, InActiveIncident: false),
            [CardVerbs.ChecklistToggle] = new(ToggleAsync),
            [CardVerbs.ApprovalApprove] = new((context, action) => ApprovalActions.DecideAsync(context, action, approve: true)),
            [CardVerbs.ApprovalReject] = new((context, action) => ApprovalActions.DecideAsync(context, action, approve: false)),
            [CardVerbs.ApprovalRefresh] = new((context, action) => ApprovalActions.RefreshAsync(context, action, ReplyMode.UpdateCard)),
            [CardVerbs.ApprovalRejectPrompt] = new((context, action) => ApprovalActions.RefreshAsync(context, action, ReplyMode.Form)),
            [CardVerbs.DialogForm] = new(dialogs.HandleFormAsync),
            [CardVerbs.DialogSubmit] = new(dialogs.HandleFormAsync),
            [CardVerbs.AlertKeep] = new(AlertHandler.ClickAsync),
            [CardVerbs.AlertRollback] = new(AlertHandler.ClickAsync),
            [CardVerbs.AlertKeepPrompt] = new(AlertHandler.PromptAsync),
        }.ToFrozenDictionary(StringComparer.Ordinal);
    }

    /// <summary>One verb's handler, and whether the card must belong to the incident active in the conversation.</summary>
    public sealed record Route(Func<CommandContext, CardAction, Task<CommandResult>> Handle, bool InActiveIncident = true);

    /// <summary>Every verb this router handles (a lint test checks it is exactly <see cref="CardVerbs.All"/>).</summary>
    public IReadOnlyDictionary<string, Route> Routes { get; }

    public async Task<CommandResult> HandleAsync(CommandContext context, CardAction action)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(action);
        if (!Routes.TryGetValue(action.Verb, out var route))
        {
            return Stale($"This card's action '{action.Verb}' is not supported by this version of ChatOps.");
        }

        if (route.InActiveIncident && (action.Get(CardDataKeys.IncidentId) is not { } incidentId
            || await context.IncidentIdAsync() is not { } active || !string.Equals(incidentId, active, StringComparison.Ordinal)))
        {
            return Stale("This card belongs to an incident that is not active in this conversation.");
        }

        return await route.Handle(context, action);
    }

    private static Task<CommandResult> AcknowledgeAsync(CommandContext context, CardAction action) =>
        action.Get(CardDataKeys.IncidentId) is not { } incidentId || action.Get(CardDataKeys.NoticeId) is not { } noticeId
            ? Task.FromResult(Stale("This Acknowledge button carries no notice."))
            : NotifyHandler.AcknowledgeAsync(context, incidentId, noticeId);

    private static Task<CommandResult> ToggleAsync(CommandContext context, CardAction action)
    {
        var version = long.TryParse(action.Get(CardDataKeys.Version), NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : (long?)null;
        Phase? phase = action.Get(CardDataKeys.Phase) is { } p && PhaseNames.TryParse(p, out Phase parsed) ? parsed : null;
        return action.Get(CardDataKeys.ItemId) is not { } item
            ? Task.FromResult(Stale("This checklist button carries no item."))
            : ChecklistHandler.ToggleAsync(context, item, done: null, phase, version, ReplyMode.UpdateCard);
    }

    private static CommandResult Stale(string message) => CommandContext.Error(message);
}
