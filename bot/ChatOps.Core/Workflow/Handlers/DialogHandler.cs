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

    public IReadOnlyCollection<string> Commands { get; } = ["assess", "contain", "cancel"];

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
            return CommandContext.Say($"Nothing to ask for {kind}: everything is done.");
        }

        var existing = await context.Services.Dialogs.GetAsync(context.Conversation, context.CancellationToken);
        var state = new DialogState(context.Conversation, incident.Id, kind, step, empty, context.Actor.UserId, context.Now, existing?.ETag);
        await context.Services.Dialogs.SaveAsync(state, context.CancellationToken);
        return CommandResult.Of(new Reply(new TextView(dialog.Question(incident, step, empty))));
    }

    /// <summary>Treats <paramref name="answer"/> as the answer to the conversation's open dialog, if there is one.</summary>
    public async Task<CommandResult?> TryAnswerAsync(CommandContext context, string answer)
    {
        ArgumentNullException.ThrowIfNull(context);
        var state = await context.Services.Dialogs.GetAsync(context.Conversation, context.CancellationToken);
        if (state is null || !_dialogs.TryGetValue(state.Kind, out var dialog))
        {
            return null;
        }

        DialogTurn? turn = null;
        var result = await context.ChangeAsync(incident =>
        {
            if (incident.Id != state.IncidentId)
            {
                return Change.Refuse("That dialog belonged to another incident; start it again.");
            }

            turn = dialog.Answer(incident, state.Step, answer, state.Data, context.Person);
            // An answer that records nothing still moves the dialog on; Change with no events commits nothing.
            return new Change(turn.Events, []);
        }, outcome => Continue(context, dialog, state, turn!, outcome.Incident!), state.IncidentId);
        return result;
    }

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
            return CommandContext.Error("Someone else answered this question at the same moment; their answer counts. Type 'status' to see where things stand.");
        }

        return CommandResult.Of(new Reply(new TextView($"{turn.Say}\n{dialog.Question(incident, next, data)}")));
    }
}
