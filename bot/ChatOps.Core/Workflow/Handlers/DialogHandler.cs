using ChatOps.Core.Commands;
using ChatOps.Core.Commands.Grammar;
using ChatOps.Core.Dialogs;
using ChatOps.Core.Incidents;
using ChatOps.Core.Storage;
using ChatOps.Core.Views;

namespace ChatOps.Core.Workflow.Handlers;

/// <summary>
/// Starts, continues and cancels guided dialogs. State lives in <see cref="IDialogStore"/>, so a dialog survives a
/// restart, works across bot instances, and anyone in the conversation can answer.
/// </summary>
public sealed class DialogHandler(IEnumerable<IPhaseDialog> dialogs) : ICommandHandler
{
    private readonly Dictionary<string, IPhaseDialog> _dialogs = dialogs.ToDictionary(d => d.Kind, StringComparer.Ordinal);
    private readonly NoDialogWaiting _noneWaiting = new();

    public IReadOnlyCollection<string> Commands { get; } = CommandCatalog.Names("assess", "contain", "cancel");

    public async Task<CommandResult> HandleAsync(CommandContext context, ParsedCommand command)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(command);
        if (command.Name == "cancel")
        {
            var state = await context.Services.Dialogs.GetAsync(context.Conversation, context.CancellationToken);
            if (state is null)
            {
                return CommandContext.Error("There is no dialog to cancel here.");
            }

            await context.Services.Dialogs.DeleteAsync(context.Conversation, context.CancellationToken);
            return CommandContext.Say($"Left the {state.Kind} dialog. Everything answered so far is recorded.");
        }

        var snapshot = await context.FindIncidentAsync();
        if (snapshot is null)
        {
            return CommandContext.Error(await ReadableIncident.NoActiveIncidentAsync(context));
        }

        var kind = command.Name == "assess" ? "assess" : "checklist:contain";
        var start = await StartAsync(context, snapshot.Incident, kind);
        return command.Name == "contain"
            ? new CommandResult([new Reply(IncidentViews.Ledger(snapshot.Incident)), .. start.Replies])
            : start;
    }

    /// <summary>Starts (or restarts) a dialog in the conversation and asks its first question.</summary>
    public async Task<CommandResult> StartAsync(CommandContext context, Incident incident, string kind)
    {
        ArgumentNullException.ThrowIfNull(context);
        var dialog = _dialogs[kind];
        var empty = new Dictionary<string, string>();
        if (dialog.FirstStep(incident, empty) is not { } step)
        {
            await context.Services.Dialogs.DeleteAsync(context.Conversation, context.CancellationToken);
            // Named as people see it (the form's title, "contain checklist"), never by the internal kind.
            var name = dialog is IFormDialog form ? form.FormTitle : kind;
            return CommandContext.Say($"Nothing to ask for the {name}: everything is done.");
        }

        var existing = await context.Services.Dialogs.GetAsync(context.Conversation, context.CancellationToken);
        _noneWaiting.Forget(context.Conversation);
        await context.Services.Dialogs.SaveAsync(
            new DialogState(context.Conversation, incident.Id, kind, step, empty, context.Actor.UserId, context.Now, existing?.ETag), context.CancellationToken);
        // After the save: an instance that remembered "none waiting" here now finds its kept snapshot stale (WaitingAsync).
        await context.Services.Runner.TouchAsync(context.Actor.TenantId, incident.Id, context.CancellationToken);
        return CommandResult.Of(new Reply(QuestionView(dialog, incident, Ask(dialog, incident, step, empty))));
    }

    /// <summary>
    /// The dialog waiting for an answer in this conversation, if any; one left behind by an incident no longer active
    /// here is removed. "None" may come from memory (<see cref="NoDialogWaiting"/>): the command then rests on the kept
    /// snapshot's epoch (<see cref="CommandContext.RoutedOn"/>) and is routed again if the incident has moved on.
    /// </summary>
    public async Task<DialogState?> WaitingAsync(CommandContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var incidentId = await context.IncidentIdAsync();
        var kept = incidentId is null ? null : context.Services.Runner.KeptEpoch(context.Actor.TenantId, incidentId);
        if (context.MayRouteOnKept && kept is { } epoch && _noneWaiting.Holds(context.Conversation, incidentId!, epoch))
        {
            context.RoutedOn = epoch;
            return null;
        }

        var state = await context.Services.Dialogs.GetAsync(context.Conversation, context.CancellationToken);
        if (state is null)
        {
            _noneWaiting.Remember(context.Conversation, incidentId, kept);
            return null;
        }

        _noneWaiting.Forget(context.Conversation);
        if (incidentId == state.IncidentId)
        {
            return state;
        }

        await context.Services.Dialogs.DeleteAsync(context.Conversation, context.CancellationToken);
        return null;
    }

    /// <summary>The question; a free-text one says that whatever is typed next is its answer (DialogAnswerRule).</summary>
    private static string Ask(IPhaseDialog dialog, Incident incident, int step, IReadOnlyDictionary<string, string> data) =>
        dialog.Question(incident, step, data) + (dialog.TakesFreeText(step) ? $"\n(Your next message is the answer; to run a command meanwhile start it with {DialogAnswerRule.CommandPrefix}, e.g. {DialogAnswerRule.CommandPrefix}status.)" : "");

    /// <summary>A question, with an "Open form" button when the dialog can also be filled in as a form.</summary>
    private static View QuestionView(IPhaseDialog dialog, Incident incident, string text) =>
        dialog is IFormDialog ? new DialogQuestionView(incident.Id, dialog.Kind, text) : new TextView(text);

    /// <summary>Treats <paramref name="answer"/> as the answer to the conversation's open dialog, if there is one.</summary>
    public async Task<CommandResult?> TryAnswerAsync(CommandContext context, string answer)
    {
        ArgumentNullException.ThrowIfNull(context);
        var state = await context.Services.Dialogs.GetAsync(context.Conversation, context.CancellationToken);
        return state is null ? null : await AnswerAsync(context, state, answer);
    }

    /// <summary>True when the waiting question takes free text, so everything typed is its answer.</summary>
    public bool TakesFreeText(DialogState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        return _dialogs.TryGetValue(state.Kind, out var dialog) && dialog.TakesFreeText(state.Step);
    }

    /// <summary>
    /// Treats <paramref name="answer"/> as the answer to <paramref name="state"/>'s question (null if the dialog is
    /// unknown). The question is claimed first (an ETag-conditioned save that marks it as being answered), so of two
    /// people answering at once only one is recorded; the other is told so.
    /// </summary>
    public async Task<CommandResult?> AnswerAsync(CommandContext context, DialogState state, string answer)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(state);
        if (!_dialogs.TryGetValue(state.Kind, out var dialog))
        {
            return null;
        }

        if (DialogAnswerClaim.IsHeld(state, context.Now))
        {
            return DialogAnswerClaim.AlreadyAnswered;
        }

        DialogState claimed;
        try
        {
            claimed = await context.Services.Dialogs.SaveAsync(DialogAnswerClaim.Claim(state, context.Now), context.CancellationToken);
        }
        catch (ConcurrencyConflictException)
        {
            return DialogAnswerClaim.AlreadyAnswered;
        }

        var data = DialogAnswerClaim.Without(state.Data);
        var held = claimed with { Data = data };
        var continued = false;
        try
        {
            DialogTurn? turn = null;
            return await context.ChangeAsync(incident =>
            {
                if (incident.Id != state.IncidentId)
                {
                    return Change.Refuse("That dialog belonged to another incident; start it again.");
                }

                turn = dialog.Answer(incident, state.Step, answer, data, context.Person);
                // An answer that records nothing still moves the dialog on; Change with no events commits nothing.
                return new Change(turn.Events, []);
            }, outcome =>
            {
                continued = true;
                return Continue(context, dialog, held, turn!, outcome.Incident);
            }, state.IncidentId);
        }
        finally
        {
            if (!continued)
            {
                await DialogAnswerClaim.ReleaseAsync(context, held);
            }
        }
    }

    /// <summary>
    /// <see cref="CardVerbs.DialogForm"/> (show the dialog as a form) and <see cref="CardVerbs.DialogSubmit"/> (record a
    /// filled-in form). A submission is checked by the dialog's own rules; if a field is wrong nothing is recorded and
    /// the form comes back with the values as typed and an error under each wrong field.
    /// </summary>
    public async Task<CommandResult> HandleFormAsync(CommandContext context, CardAction action)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(action);
        if (FormOf(action) is not { } form)
        {
            return CommandContext.Error("This form names a dialog this version of ChatOps does not know; start it again with its command (e.g. assess).");
        }

        if (action.Verb == CardVerbs.DialogForm)
        {
            var snapshot = await context.FindIncidentAsync();
            return snapshot is null
                ? CommandContext.Error(CommandContext.NoIncident)
                : CommandResult.Of(new Reply(form.Form(snapshot.Incident), ReplyMode.Form));
        }

        var values = FormValues(action);
        FormOutcome? outcome = null;
        Incident? seen = null;
        var result = await context.ChangeAsync(incident =>
        {
            seen = incident;
            outcome = form.Submit(incident, values, context.Person);
            return outcome.IsValid ? new Change(outcome.Events, []) : Change.Refuse("The form has errors.");
        }, async applied =>
        {
            // The form answered the dialog: a question-at-a-time run of the same dialog here has nothing left to ask.
            if (await context.Services.Dialogs.GetAsync(context.Conversation, context.CancellationToken) is { } state && state.Kind == form.Kind)
            {
                await context.Services.Dialogs.DeleteAsync(context.Conversation, context.CancellationToken);
            }

            var incident = applied.Incident;
            View after = form is ChecklistDialog checklist ? IncidentViews.Checklist(incident, checklist.Phase) : IncidentViews.Summary(incident);
            return CommandResult.Of(
                new Reply(new TextView($"{outcome!.Say} (submitted by {context.Actor.DisplayName})"), ReplyMode.UpdateCard),
                new Reply(after));
        }, action.Get(CardDataKeys.IncidentId));

        return outcome is { IsValid: false } && seen is not null
            ? CommandResult.Of(new Reply(WithErrors(form.Form(seen), values, outcome.Errors), ReplyMode.Form))
            : result;
    }

    /// <summary>
    /// Checks a <see cref="CardVerbs.DialogSubmit"/> against the incident as it is now, recording nothing: the errors per
    /// field id (empty when the form is valid). Slack needs them in the HTTP answer to the submission.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, string>> CheckFormAsync(CommandContext context, CardAction action)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(action);
        if (FormOf(action) is not { } form || await context.FindIncidentAsync() is not { } snapshot
            || !string.Equals(snapshot.Incident.Id, action.Get(CardDataKeys.IncidentId), StringComparison.Ordinal))
        {
            // Not checkable here: the submission itself reports the problem in the conversation.
            return new Dictionary<string, string>();
        }

        return form.Submit(snapshot.Incident, FormValues(action), context.Person).Errors;
    }

    private IFormDialog? FormOf(CardAction action) =>
        action.Get(CardDataKeys.Dialog) is { } kind && _dialogs.TryGetValue(kind, out var dialog) ? dialog as IFormDialog : null;

    private static Dictionary<string, string> FormValues(CardAction action) =>
        action.Data.Where(kv => kv.Key is not (CardDataKeys.IncidentId or CardDataKeys.Dialog)).ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal);

    private static DialogFormView WithErrors(DialogFormView form, IReadOnlyDictionary<string, string> values, IReadOnlyDictionary<string, string> errors) =>
        form with
        {
            Fields = form.Fields.Select(f => f with
            {
                Value = values.TryGetValue(f.Id, out var typed) ? typed : f.Value,
                Error = errors.GetValueOrDefault(f.Id),
            }).ToList(),
        };

    private static async Task<CommandResult> Continue(CommandContext context, IPhaseDialog dialog, DialogState state, DialogTurn turn, Incident incident)
    {
        if (turn.NextStep is not { } next)
        {
            await context.Services.Dialogs.DeleteAsync(context.Conversation, context.CancellationToken);
            return CommandResult.Of(new Reply(new TextView(turn.Say)), new Reply(IncidentViews.Summary(incident)));
        }

        var data = new Dictionary<string, string>(state.Data);
        foreach (var (key, value) in turn.Data ?? new Dictionary<string, string>())
        {
            data[key] = value;
        }

        try
        {
            await context.Services.Dialogs.SaveAsync(state with { Step = next, Data = data, UpdatedAt = context.Now }, context.CancellationToken);
        }
        catch (ConcurrencyConflictException)
        {
            // Recorded, but the dialog was cancelled or restarted meanwhile: the answer stands, the dialog does not go on.
            return CommandContext.Error("Your answer is recorded, but the dialog was cancelled or restarted meanwhile. Type 'status' to see where things stand.");
        }

        return CommandResult.Of(new Reply(QuestionView(dialog, incident, $"{turn.Say}\n{Ask(dialog, incident, next, data)}")));
    }
}
