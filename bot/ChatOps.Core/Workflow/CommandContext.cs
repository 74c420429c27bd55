using ChatOps.Core.Commands;
using ChatOps.Core.Conversations;
using ChatOps.Core.Identity;
using ChatOps.Core.Incidents;
using ChatOps.Core.Storage;
using ChatOps.Core.Views;

namespace ChatOps.Core.Workflow;

/// <summary>One command being handled: who, where, and helpers to find and change the conversation's incident.</summary>
public sealed class CommandContext(Command command, WorkflowServices services, CancellationToken cancellationToken)
{
    public const string NoIncident = "There is no active incident in this conversation. Start one with: declare \"TITLE\"";

    private int _changes;
    private string? _incidentId;
    private bool _remembered;

    public Command Command { get; } = command;

    public Actor Actor => Command.Actor;

    public ConversationKey Conversation => Command.Conversation;

    public WorkflowServices Services { get; } = services;

    public CancellationToken CancellationToken { get; } = cancellationToken;

    public DateTimeOffset Now => Services.Time.GetUtcNow();

    /// <summary>
    /// The authority-matrix row <see cref="AuthorityGate"/> let this command through on; <see cref="ChangeAsync(Func{Incident, Change}, Func{AppliedOutcome, Task{CommandResult}}, string?)"/>
    /// asks it again on the state it changes. Null when the row is open to every member.
    /// </summary>
    public string? AuthorizedAction { get; internal set; }

    /// <summary>
    /// The id of the incident bound to this conversation, or null. Looked up once per command (the authority check and
    /// the handler's change share it), from this process's memory when the conversation is known
    /// (<see cref="ConversationIncidents"/>); "none" is not remembered, since the command may be the declaration that binds one.
    /// </summary>
    public async Task<string?> IncidentIdAsync()
    {
        if (_incidentId is null)
        {
            (_incidentId, _remembered) = await Services.Bindings.FindAsync(Conversation, CancellationToken);
        }

        return _incidentId;
    }

    /// <summary>
    /// The incident this command's binding came from memory and turned out closed or gone (another instance closed it):
    /// forgets it and reads the directory. True when the binding was looked up again.
    /// </summary>
    private bool ForgetStaleBinding(string incidentId)
    {
        if (!_remembered || _incidentId != incidentId)
        {
            return false;
        }

        Services.Bindings.Forget(Conversation, incidentId);
        (_incidentId, _remembered) = (null, false);
        return true;
    }

    /// <summary>
    /// True while this command may be routed on the kept snapshot of its incident without reading storage (see
    /// <see cref="Handlers.DialogHandler.WaitingAsync"/>); false when it is routed again after that snapshot was stale.
    /// </summary>
    public bool MayRouteOnKept { get; init; } = true;

    /// <summary>
    /// The epoch of the kept snapshot this command was routed on without a read (<see cref="IncidentRunner.KeptEpoch"/>),
    /// or null. The command's first change decides only in that epoch (<see cref="KeptSnapshotStaleException"/> otherwise).
    /// </summary>
    internal long? RoutedOn { get; set; }

    /// <summary>
    /// For a command that neither changed nor read its incident: true when the routing it got without a read
    /// (<see cref="RoutedOn"/>) still holds on the incident as stored (one read), or when it did not rest on memory.
    /// </summary>
    internal async Task<bool> RoutingHeldAsync()
    {
        if (RoutedOn is not { } routedOn)
        {
            return true;
        }

        RoutedOn = null;
        var id = await IncidentIdAsync();
        return id is not null && Services.Runner.StillKept(Actor.TenantId, id, routedOn, (await Services.Store.GetAsync(Actor.TenantId, id, CancellationToken))?.ETag);
    }

    /// <summary>The active incident bound to this conversation, or null.</summary>
    public async Task<IncidentSnapshot?> FindIncidentAsync()
    {
        while (true)
        {
            var id = await IncidentIdAsync();
            if (id is null)
            {
                return null;
            }

            var snapshot = await Services.Store.GetAsync(Actor.TenantId, id, CancellationToken);
            if (RoutedOn is { } routedOn)
            {
                // A read of the incident settles the routing: it held if the incident is still in the state routed on.
                RoutedOn = null;
                if (!Services.Runner.StillKept(Actor.TenantId, id, routedOn, snapshot?.ETag))
                {
                    throw new KeptSnapshotStaleException();
                }
            }

            if (snapshot is { Incident.IsClosed: false })
            {
                return snapshot;
            }

            if (!ForgetStaleBinding(id))
            {
                return null;
            }
        }
    }

    /// <summary>
    /// Runs <paramref name="decide"/> on this conversation's incident and records what it decides; refusals,
    /// conflicts and "no incident" come back as error replies. Closed incidents are read-only.
    /// </summary>
    public Task<CommandResult> ChangeAsync(Func<Incident, Change> decide, Func<AppliedOutcome, CommandResult> onApplied, string? incidentId = null)
    {
        ArgumentNullException.ThrowIfNull(onApplied);
        return ChangeAsync(decide, o => Task.FromResult(onApplied(o)), incidentId);
    }

    /// <inheritdoc cref="ChangeAsync(Func{Incident, Change}, Func{AppliedOutcome, CommandResult}, string?)"/>
    public async Task<CommandResult> ChangeAsync(Func<Incident, Change> decide, Func<AppliedOutcome, Task<CommandResult>> onApplied, string? incidentId = null)
    {
        ArgumentNullException.ThrowIfNull(onApplied);
        var named = incidentId;
        IncidentOutcome outcome;
        while (true)
        {
            incidentId = named ?? await IncidentIdAsync();
            if (incidentId is null)
            {
                return Error(await ReadableIncident.NoActiveIncidentAsync(this));
            }

            // Only the command's first change rests on the routing; once it is decided the routing held.
            var routedOn = RoutedOn;
            RoutedOn = null;
            outcome = await Services.Runner.ChangeAsync(Actor.TenantId, incidentId, Actor, incident =>
                incident.IsClosed
                    ? Change.Refuse($"{incident.Id} is closed; its record is read-only.")
                    : (AuthorizedAction is { } action ? AuthorityGate.Refused(this, incident, action) : null) ?? decide(incident),
                NextDeliveryKey(), nothingMayRestOnKept: false, routedOn, CancellationToken);
            // A remembered binding to an incident another instance closed (or that is gone): look the conversation up again.
            var stale = outcome.Status == OutcomeStatus.NotFound || outcome is { Status: OutcomeStatus.Refused, Recorded.Count: 0, Incident.IsClosed: true };
            if (!(stale && named is null && ForgetStaleBinding(incidentId)))
            {
                break;
            }
        }

        return outcome.Status switch
        {
            OutcomeStatus.Applied => await onApplied(outcome.Applied!),
            OutcomeStatus.NotFound => Error(NoIncident),
            OutcomeStatus.Duplicate => CommandResult.Of(new Reply(new TextView(outcome.Refusal!), ReplyMode.Private)) with { Repeated = true },
            OutcomeStatus.Conflict => Error(outcome.Refusal!) with { LostRace = true },
            _ when outcome.Recorded.Count > 0 => CommandResult.Of(new Reply(new ErrorView(outcome.Refusal!), ReplyMode.Private)),
            _ => Error(outcome.Refusal ?? "Nothing was changed."),
        };
    }

    /// <summary>
    /// The delivery key of this command's next incident change: the delivery id and the change's ordinal, so a
    /// command that changes an incident twice keeps both changes apart and a re-run of the same command finds each.
    /// </summary>
    internal string? NextDeliveryKey() =>
        Command.DeliveryId is { } id ? FormattableString.Invariant($"{id}#{++_changes}") : null;

    /// <summary>Display name of a user named with @ in this command (from the channel's mention data).</summary>
    public Participant Person(string userId)
    {
        var mention = Command.Mentions?.FirstOrDefault(m => string.Equals(m.UserId, userId, StringComparison.Ordinal));
        return new Participant(userId, mention?.DisplayName ?? userId);
    }

    public static CommandResult Error(string message, string? usage = null) =>
        CommandResult.Of(new Reply(new ErrorView(message, usage), ReplyMode.Private));

    public static CommandResult Say(string text) => CommandResult.Of(new Reply(new TextView(text)));
}
