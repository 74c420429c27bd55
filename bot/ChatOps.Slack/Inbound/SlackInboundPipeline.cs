using ChatOps.Core.Commands;
using System.Text.Json;
using System.Text.Json.Nodes;
using ChatOps.Core.Workflow.Handlers;
using ChatOps.Slack.Wire;
using ChatOps.Slack.Work;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatOps.Slack.Inbound;

/// <summary>
/// The one path every verified Slack delivery takes, whatever carried it (a signed HTTP request or a Socket Mode
/// envelope): payload → work items (SlackCommandFactory) → the form check → the work entry point
/// (<see cref="SlackIntake.AcceptAsync"/>: stored durably when the host has an intake queue) → the answer. Transports only authenticate, parse their framing and
/// turn the <see cref="SlackAck"/> into a response; they return (or acknowledge) only after this returns, so
/// whatever the entry point promises (kept, queued) holds for every transport.
/// Throws <see cref="SlackPayloadException"/> for a payload that is not what its kind says.
/// </summary>
public sealed class SlackInboundPipeline(
    SlackIntake intake,
    IOptionsMonitor<SlackOptions> options,
    IServiceProvider services,
    ILogger<SlackInboundPipeline> logger)
{
    public const string WorkingText = "Working on it…";
    public const string BusyText = "ChatOps is busy right now; please try again in a minute.";
    public const string TooLargeText = "That request is too large to keep, so nothing was recorded. Shorten it and try again.";

    /// <summary>The form check must leave time to answer within Slack's 3 seconds; past this it is skipped (the queued submission checks again).</summary>
    public static readonly TimeSpan FormCheckBudget = TimeSpan.FromSeconds(2);

    /// <summary>A slash command: queued and answered with an ephemeral "Working on it…" (or "busy" when turned away).</summary>
    public async ValueTask<SlackAck> AcceptSlashCommandAsync(SlashCommandPayload payload, string source, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(payload);
        var item = SlackCommandFactory.FromSlashCommand(payload);
        return await EnqueueAsync([item], source, cancellationToken) switch
        {
            SlackIntakeResult.Kept => new SlackAck(SlackAckOutcome.Accepted, Ephemeral(WorkingText)),
            SlackIntakeResult.StorageUnavailable => new SlackAck(SlackAckOutcome.Busy, Ephemeral(CommandDispatcher.StorageUnavailableText)),
            SlackIntakeResult.TooLarge => new SlackAck(SlackAckOutcome.Accepted, Ephemeral(TooLargeText)),
            _ => new SlackAck(SlackAckOutcome.Busy, Ephemeral(BusyText)),
        };
    }

    /// <summary>
    /// An interaction payload (the JSON object): <c>block_actions</c> and <c>view_submission</c> are queued, other types
    /// ignored. A dialog form with wrong fields is answered with <c>response_action: errors</c> and nothing is queued.
    /// </summary>
    public async ValueTask<SlackAck> AcceptInteractionAsync(JsonDocument payload, string source, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(payload);
        var type = InteractionPayload.TypeOf(payload);
        IReadOnlyList<SlackWorkItem> items = type switch
        {
            "block_actions" => SlackCommandFactory.FromBlockActions(InteractionPayload.Deserialize<BlockActionsPayload>(payload)),
            "view_submission" => [SlackCommandFactory.FromViewSubmission(InteractionPayload.Deserialize<ViewSubmissionPayload>(payload))],
            _ => [],
        };
        if (items.Count == 0)
        {
            Log.Ignored(logger, "interaction", type);
            return SlackAck.Ignored;
        }

        // Core's form check, when the host has Core (a channel-only host queues the submission unchecked).
        if (items is [{ Kind: "view_submission" } submission] && services.GetService<DialogFormCheck>() is { } forms
            && await CheckFormAsync(forms, submission, cancellationToken) is { } errors)
        {
            return new SlackAck(SlackAckOutcome.Accepted, errors);
        }

        return Ack(await EnqueueAsync(items, source, cancellationToken));
    }

    /// <summary>An Events API <c>event_callback</c> (any other envelope type is ignored); <paramref name="retryNum"/> is for the log.</summary>
    public async ValueTask<SlackAck> AcceptEventAsync(EventEnvelope envelope, string? retryNum, string source, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        if (envelope.Type != "event_callback")
        {
            Log.Ignored(logger, "envelope", envelope.Type);
            return SlackAck.Ignored;
        }

        var item = SlackCommandFactory.FromEvent(envelope, options.CurrentValue.BotUserId, retryNum, out var reason);
        if (item is null)
        {
            Log.Ignored(logger, "event", reason);
            return SlackAck.Ignored;
        }

        return Ack(await EnqueueAsync([item], source, cancellationToken));
    }

    /// <summary>
    /// An event's or interaction's answer: kept is accepted; a request too large to keep is acknowledged without effect
    /// (logged; Slack's retries would not fit either); anything else is busy, so Slack delivers it again.
    /// </summary>
    private static SlackAck Ack(SlackIntakeResult result) => result switch
    {
        SlackIntakeResult.Kept => SlackAck.Accepted,
        SlackIntakeResult.TooLarge => SlackAck.Ignored,
        _ => SlackAck.Busy,
    };

    /// <summary>The single hand-over to the work entry point: the delivery is acknowledged only once every item is kept.</summary>
    private async ValueTask<SlackIntakeResult> EnqueueAsync(IReadOnlyList<SlackWorkItem> items, string source, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        foreach (var item in items)
        {
            if (await intake.AcceptAsync(item, source, cancellationToken) is not SlackIntakeResult.Kept and var refused)
            {
                return refused;
            }
        }

        return SlackIntakeResult.Kept;
    }

    /// <summary><c>{"response_action":"errors","errors":{block_id: message}}</c> for a form with wrong fields, else null.</summary>
    private static async Task<JsonObject?> CheckFormAsync(DialogFormCheck forms, SlackWorkItem submission, CancellationToken aborted)
    {
        using var budget = CancellationTokenSource.CreateLinkedTokenSource(aborted);
        budget.CancelAfter(FormCheckBudget);
        IReadOnlyDictionary<string, string> errors;
        try
        {
            errors = await forms.CheckAsync(submission.Command, budget.Token);
        }
        catch (OperationCanceledException) when (!aborted.IsCancellationRequested)
        {
            return null;
        }

        if (errors.Count == 0)
        {
            return null;
        }

        var fields = new JsonObject();
        foreach (var (field, message) in errors)
        {
            fields[field] = message;
        }

        return new JsonObject { ["response_action"] = "errors", ["errors"] = fields };
    }

    private static JsonObject Ephemeral(string text) => new()
    {
        ["response_type"] = "ephemeral",
        ["text"] = text,
    };
}
