using ChatOps.Core.Commands;
using ChatOps.Core.Commands.Grammar;
using ChatOps.Core.Decisions.Events;
using ChatOps.Core.Incidents;
using ChatOps.Core.Notifications;
using Microsoft.Extensions.Options;

namespace ChatOps.Core.Workflow.Handlers;

/// <summary>
/// Who receives an incident's updates: <c>audience add|remove</c> (comms or commander), self-<c>subscribe</c> to an
/// audience configured open, and tenant-wide <c>subscribe --tenant</c> only where an audience is configured for it. Who may run
/// each is the authority matrix's answer (asked by the dispatcher).
/// </summary>
public sealed class AudienceHandler(ISubscriptionStore subscriptions, IOptions<NotificationOptions> options) : ICommandHandler
{
    public IReadOnlyCollection<string> Commands { get; } = CommandCatalog.Names("audience add", "audience remove", "subscribe", "unsubscribe");

    public async Task<CommandResult> HandleAsync(CommandContext context, ParsedCommand command)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(command);
        if (command.Name.StartsWith("audience", StringComparison.Ordinal))
        {
            return await ChangeMembersAsync(context, command, add: command.Name == "audience add");
        }

        var typed = command.Required("audience");
        var audience = options.Value.AudienceNames.FirstOrDefault(a => string.Equals(a, typed, StringComparison.OrdinalIgnoreCase));
        if (audience is null)
        {
            var nearest = EditDistance.Nearest(typed, options.Value.AudienceNames);
            var hint = nearest is null ? "" : $" Did you mean {nearest}?";
            return CommandContext.Error($"There is no audience '{typed}';{hint} the audiences are {string.Join(", ", options.Value.AudienceNames)}.", command.Definition.Usage);
        }

        if (command.Has("tenant"))
        {
            return await TenantWideAsync(context, audience, subscribe: command.Name == "subscribe");
        }

        return command.Name == "subscribe" ? await SubscribeAsync(context, audience) : await UnsubscribeAsync(context, audience);
    }

    private Task<CommandResult> ChangeMembersAsync(CommandContext context, ParsedCommand command, bool add)
    {
        var audience = command.Required("audience");
        var person = context.Person(command.Required("user"));
        return context.ChangeAsync(incident =>
        {
            var member = incident.MembersOf(audience).Any(m => m.UserId == person.UserId);
            if (add == member)
            {
                return Change.Refuse(add
                    ? $"{person.DisplayName} is already in the {audience} audience of {incident.Id}."
                    : $"{person.DisplayName} is not in the {audience} audience of {incident.Id}; its members are {Members(incident, audience)}.");
            }

            return Change.Record(new PendingEvent(add ? new AudienceMemberAdded(audience, person) : new AudienceMemberRemoved(audience, person)));
        }, o => CommandContext.Say(add
            ? $"{person.DisplayName} will receive {o.Incident.Id}'s {audience} updates in a 1:1 chat. {audience} now: {Members(o.Incident, audience)}."
            : $"{person.DisplayName} no longer receives {o.Incident.Id}'s {audience} updates. {audience} now: {Members(o.Incident, audience)}."));
    }

    private Task<CommandResult> SubscribeAsync(CommandContext context, string audience)
    {
        if (!options.Value.IsOpen(audience))
        {
            return Task.FromResult(CommandContext.Error(
                $"{audience} is not open for self-subscription. Ask comms or the commander to add you: audience add {audience} @{context.Actor.DisplayName}"));
        }

        var me = Participant.From(context.Actor);
        return context.ChangeAsync(
            incident => incident.MembersOf(audience).Any(m => m.UserId == me.UserId)
                ? Change.Refuse($"You already receive {incident.Id}'s {audience} updates.")
                : Change.Record(new PendingEvent(new AudienceMemberAdded(audience, me))),
            o => CommandContext.Say($"{me.DisplayName}, you will receive {o.Incident.Id}'s {audience} updates in a 1:1 chat with me."));
    }

    private Task<CommandResult> UnsubscribeAsync(CommandContext context, string audience)
    {
        var me = Participant.From(context.Actor);
        return context.ChangeAsync(
            incident => incident.MembersOf(audience).Any(m => m.UserId == me.UserId)
                ? Change.Record(new PendingEvent(new AudienceMemberRemoved(audience, me)))
                : Change.Refuse($"You do not receive {incident.Id}'s {audience} updates (for every incident's: unsubscribe {audience} --tenant)."),
            o => CommandContext.Say($"{me.DisplayName}, you will no longer receive {o.Incident.Id}'s {audience} updates."));
    }

    private async Task<CommandResult> TenantWideAsync(CommandContext context, string audience, bool subscribe)
    {
        var actor = context.Actor;
        if (!subscribe)
        {
            return await subscriptions.UnsubscribeAsync(actor.Channel, actor.TenantId, audience, actor.UserId, context.CancellationToken)
                ? CommandContext.Say($"{actor.DisplayName}, you will no longer receive every incident's {audience} updates.")
                : CommandContext.Error($"You were not subscribed to every incident's {audience} updates.");
        }

        if (!options.Value.IsTenantWide(audience))
        {
            return CommandContext.Error(
                $"{audience} is not configured for tenant-wide subscriptions (Notifications:Audiences:{audience}:TenantWide). " +
                $"For this incident only: subscribe {audience} where it is open, or ask comms: audience add {audience} @{actor.DisplayName}");
        }

        await subscriptions.SubscribeAsync(actor.Channel, actor.TenantId, audience, actor.UserId, context.CancellationToken);
        return CommandContext.Say($"{actor.DisplayName}, you will receive every incident's {audience} updates in this tenant, in a 1:1 chat with me.");
    }

    private static string Members(Incident incident, string audience) =>
        incident.MembersOf(audience) is { Count: > 0 } members ? string.Join(", ", members.Select(m => m.DisplayName)) : "nobody";
}
