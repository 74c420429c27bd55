using System.Diagnostics;
using ChatOps.Core.Commands.Grammar;
using ChatOps.Core.Diagnostics;
using ChatOps.Core.Storage;
using ChatOps.Core.Views;
using ChatOps.Core.Workflow;
using ChatOps.Core.Workflow.Handlers;
using Microsoft.Extensions.Logging;

namespace ChatOps.Core.Commands;

/// <summary>
/// Routes a command: typed text goes to the conversation's waiting dialog as its answer (<see cref="DialogAnswerRule"/>),
/// otherwise through the one parser to its handler; a card action goes to the handler of its verb. Storage faults become a clear
/// "try again" answer, never a stack trace.
/// </summary>
public sealed class CommandDispatcher : ICommandDispatcher
{
    private readonly WorkflowServices _services;
    private readonly DialogHandler _dialogs;
    private readonly CardActionRouter _cardActions;
    private readonly ILogger<CommandDispatcher> _logger;
    private readonly Dictionary<string, ICommandHandler> _handlers;
    private readonly ICommandParser _parser;

    public CommandDispatcher(
        WorkflowServices services, IEnumerable<ICommandHandler> handlers, DialogHandler dialogs, CardActionRouter cardActions, ILogger<CommandDispatcher> logger,
        ICommandParser? parser = null)
    {
        ArgumentNullException.ThrowIfNull(handlers);
        _parser = parser ?? GrammarParser.Instance;
        _services = services;
        _dialogs = dialogs;
        _cardActions = cardActions;
        _logger = logger;
        _handlers = handlers.Append(dialogs).SelectMany(h => h.Commands.Select(c => (c, h))).ToDictionary(x => x.c, x => x.h, StringComparer.Ordinal);
    }

    /// <summary>What the person sees when storage fails: nothing was recorded, try again (channels use it for faults outside the dispatcher too).</summary>
    public const string StorageUnavailableText = "Storage is unavailable right now, so nothing was recorded. Please try again in a moment.";

    public static CommandResult StorageUnavailable() => CommandContext.Error(StorageUnavailableText);

    /// <summary>Names of the grammar's commands that have a handler (a lint test checks it is all of them).</summary>
    public IReadOnlyCollection<string> HandledCommands => _handlers.Keys;

    public Task<CommandResult> DispatchAsync(Command command, CancellationToken cancellationToken = default) =>
        DispatchAsync(CommandReading.Of(command, _parser), cancellationToken);

    public async Task<CommandResult> DispatchAsync(CommandReading reading, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reading);
        var command = reading.Command;
        // Only grammar words become metric tags, so user text never lands in telemetry.
        var name = reading.MetricName;
        var started = Stopwatch.GetTimestamp();
        // Log lines written while the command runs carry its channel (and the incident, when the card names it).
        using var scope = _logger.BeginIncidentScope(command.Action?.Get(CardDataKeys.IncidentId), command.Actor.Channel.ToString());
        using var span = ChatOpsDiagnostics.StartCommand(name, command.Actor.Channel.ToString(), command.Action?.Get(CardDataKeys.IncidentId));
        var result = await RunAsync(reading, cancellationToken);
        var outcome = result.Replies.Any(r => r.View is ErrorView) ? "refused" : "ok";
        span?.SetTag("chatops.outcome", outcome);
        ChatOpsDiagnostics.CommandDuration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds,
            new("chatops.command", name), new("chatops.channel", command.Actor.Channel.ToString()), new("chatops.outcome", outcome));
        return result;
    }

    private async Task<CommandResult> RunAsync(CommandReading reading, CancellationToken cancellationToken)
    {
        try
        {
            return await RunAsync(reading, mayRouteOnKept: true, cancellationToken);
        }
        catch (KeptSnapshotStaleException)
        {
            // Routed on a kept snapshot another instance had moved on from; nothing was decided. Route it on storage.
            Log.RoutedAgain(_logger);
            return await RunAsync(reading, mayRouteOnKept: false, cancellationToken);
        }
    }

    private async Task<CommandResult> RunAsync(CommandReading reading, bool mayRouteOnKept, CancellationToken cancellationToken)
    {
        var command = reading.Command;
        var context = new CommandContext(command, _services, cancellationToken) { MayRouteOnKept = mayRouteOnKept };
        try
        {
            if (command.Action is { } action)
            {
                return Authority.AuthorityMatrix.ActionOfVerb(action.Verb) is { } ruled && await AuthorityGate.RefuseAsync(context, ruled) is { } refused
                    ? refused
                    : await _cardActions.HandleAsync(context, action);
            }

            // While a dialog waits in this conversation, what is typed may be its answer: see DialogAnswerRule.
            var (text, forced, parsed) = (reading.Text, reading.Forced, reading.Parsed!);
            var waiting = forced || DialogAnswerRule.IsReserved(text) ? null : await _dialogs.WaitingAsync(context);
            if (waiting is not null && DialogAnswerRule.IsAnswer(parsed, _dialogs.TakesFreeText(waiting)))
            {
                if (reading.AnswerClaim is { } claim && !await claim(cancellationToken))
                {
                    // This delivery was already taken as an answer: the pipeline says nothing more.
                    return new CommandResult([]) { Repeated = true };
                }

                if (await AuthorityGate.RefuseAsync(context, Authority.AuthorityMatrix.Answer) is { } notYours)
                {
                    return notYours;
                }

                if (await _dialogs.AnswerAsync(context, waiting, text) is { } answered)
                {
                    return parsed.Success ? DialogAnswerRule.WithHint(answered, text) : answered;
                }
            }

            if (parsed.Success)
            {
                if (await AuthorityGate.RefuseAsync(context, Authority.AuthorityMatrix.ActionOf(parsed.Command!)) is { } refused)
                {
                    // A refusal rests on the routing too: a dialog started elsewhere would have taken the text.
                    return await context.RoutingHeldAsync() ? refused : throw new KeptSnapshotStaleException();
                }

                var result = _handlers.TryGetValue(parsed.Command!.Name, out var handler)
                    ? await handler.HandleAsync(context, parsed.Command)
                    : CommandContext.Error($"'{parsed.Command.Name}' is not available in this deployment.");
                if (!await context.RoutingHeldAsync())
                {
                    throw new KeptSnapshotStaleException();
                }

                return DialogAnswerRule.NeedsReminder(result, parsed.Command.Name) && (waiting ?? (forced ? await _dialogs.WaitingAsync(context) : null)) is { } still
                    ? DialogAnswerRule.WithReminder(result, still)
                    : result;
            }

            // Text that is no command may still be the answer to a dialog started where this process did not see it.
            return await context.RoutingHeldAsync()
                ? CommandContext.Error(parsed.Error!, parsed.Attempted?.Usage)
                : throw new KeptSnapshotStaleException();
        }
        catch (StorageUnavailableException ex)
        {
            Log.StorageUnavailable(_logger, ex);
            return StorageUnavailable();
        }
        catch (Exception ex) when (ex is EntityTooLargeException or InvalidKeyException)
        {
            return CommandContext.Error(ex.Message);
        }
    }
}
