using ChatOps.Core.Commands;
using ChatOps.Core.Decisions.Events;

namespace ChatOps.Core.Workflow;

/// <summary>
/// Asks the authority matrix before a command or card action runs. A refusal is recorded in the incident's decision log as an
/// attempt (the record's reason names who may) and answered privately; an action open to every member costs nothing.
/// Approve and reject are asked inside their decision instead (<see cref="Handlers.ApprovalActions"/>), so a refused click is
/// recorded on the approval.
/// </summary>
public static class AuthorityGate
{
    /// <summary>Null when <paramref name="context"/>'s actor may do <paramref name="action"/> (or there is no active incident to ask about).</summary>
    public static async Task<CommandResult?> RefuseAsync(CommandContext context, string action)
    {
        ArgumentNullException.ThrowIfNull(context);
        var matrix = context.Services.Authority;
        if (action is "approve" or "reject" || matrix.Rule(action).AnyMember)
        {
            return null;
        }

        var id = await context.IncidentIdAsync();
        if (id is null)
        {
            return null;
        }

        // "Allowed" may rest on this process's kept snapshot: the handler's change asks again on the state it commits.
        // With the command's delivery key, so a stored Slack request run again after a crash records its refusal once
        // (the re-run then answers "already recorded").
        var outcome = await context.Services.Runner.ChangeAsync(context.Actor.TenantId, id, context.Actor, incident =>
            (incident.IsClosed ? null : Refused(context, incident, action)) ?? new Change([], []), context.NextDeliveryKey(),
            nothingMayRestOnKept: true, context.CancellationToken);
        if (outcome.Refusal is { } refused)
        {
            return CommandContext.Error(refused);
        }

        // Asked again on the state the handler changes, so a role handed over or removed in between still counts.
        context.AuthorizedAction = action;
        return null;
    }

    /// <summary>The recorded refusal when the matrix does not let <paramref name="context"/>'s actor do <paramref name="action"/>, else null.</summary>
    public static Change? Refused(CommandContext context, Incidents.Incident incident, string action)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Services.Authority.Refusal(incident, context.Actor, action) is { } refusal
            ? new Change([new PendingEvent(new AttemptRefused(action), refusal)], [], refusal)
            : null;
    }
}
