using ChatOps.Core.Commands.Grammar;

namespace ChatOps.Core.Commands;

/// <summary>
/// A command as read once on its way in: the text without its <c>!</c> prefix, whether it had one, and what the grammar
/// makes of it. The claim of a redelivery key and the dispatcher both decide on this one reading.
/// </summary>
public sealed class CommandReading
{
    private CommandReading(Command command, string text, bool forced, ParseResult? parsed)
    {
        Command = command;
        Text = text;
        Forced = forced;
        Parsed = parsed;
    }

    public Command Command { get; }

    /// <summary>The typed text without the <c>!</c> prefix (empty for a card action).</summary>
    public string Text { get; }

    /// <summary>True when the text started with <c>!</c>: a command even while a dialog waits.</summary>
    public bool Forced { get; }

    /// <summary>What the grammar makes of <see cref="Text"/>; null for a card action.</summary>
    public ParseResult? Parsed { get; }

    public static CommandReading Of(Command command, ICommandParser parser)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(parser);
        if (command.Action is not null)
        {
            return new CommandReading(command, string.Empty, false, null);
        }

        var (text, forced) = DialogAnswerRule.Split(command.Text);
        return new CommandReading(command, text, forced, parser.Parse(text));
    }

    /// <summary>
    /// False only for a well-formed read-only command that can never be a waiting dialog's answer (<c>help</c>, or a
    /// <c>!</c>-prefixed read such as <c>!status</c>; see <see cref="DialogAnswerRule"/>): a redelivery of it may simply
    /// be answered again, so it needs no redelivery claim (unless the read records itself, as <c>!export</c> does). Card actions, plain text that a waiting free-text question
    /// would take as its answer, and anything that fails to parse may change state.
    /// </summary>
    public bool MayChangeState =>
        Parsed is null
        || (!Forced && !DialogAnswerRule.IsReserved(Text))
        || Parsed is not { Success: true, Command.Definition: { ChangesIncident: false, Recorded: false } };

    /// <summary>
    /// True when a repeat of this delivery is caught in the incident's own batch instead of by a claim before it runs:
    /// the command carries its delivery id and is one of <see cref="CommandCatalog.DeliveredInIncidentBatch"/>. A
    /// process that dies after the claim but before the commit then loses nothing: the redelivery runs it.
    /// </summary>
    public bool RepeatCaughtInBatch =>
        Command.DeliveryId is not null
        && Parsed is { Success: true, Command.Definition.Name: var name }
        && CommandCatalog.DeliveredInIncidentBatch.Contains(name);

    /// <summary>
    /// True when this text changes state only if a waiting dialog takes it as its answer: a well-formed plain read such
    /// as <c>status</c>, or a command whose repeat the incident's batch catches (<see cref="RepeatCaughtInBatch"/>). Its
    /// redelivery key is then claimed only when the dispatcher routes it to a dialog (<see cref="AnswerClaim"/>), so a
    /// plain read costs no claim and a dialog answer is still applied once.
    /// </summary>
    public bool ClaimedOnlyAsAnswer =>
        Parsed is { Success: true } && !Forced && !DialogAnswerRule.IsReserved(Text)
        && (Parsed is { Command.Definition: { ChangesIncident: false, Recorded: false } } || RepeatCaughtInBatch);

    /// <summary>
    /// Claims this delivery's redelivery key when the text is taken as a dialog's answer (set by the inbound pipeline for
    /// <see cref="ClaimedOnlyAsAnswer"/> readings); false when the delivery was handled before. Null: nothing to claim.
    /// </summary>
    public Func<CancellationToken, Task<bool>>? AnswerClaim { get; private init; }

    /// <summary>This reading with the claim to make if its text turns out to be a dialog's answer.</summary>
    public CommandReading WithAnswerClaim(Func<CancellationToken, Task<bool>> claim) =>
        new(Command, Text, Forced, Parsed) { AnswerClaim = claim };

    /// <summary>The command's first grammar word for metrics and traces ("other" when it has none), never user text.</summary>
    public string MetricName => Command.Action?.Verb
        ?? (Parsed?.Command?.Definition ?? Parsed?.Attempted)?.Words[0]
        ?? "other";
}
