using ChatOps.Core.Commands;
using ChatOps.Core.Commands.Grammar;
using ChatOps.Core.Decisions.Events;
using ChatOps.Core.Notifications;
using Microsoft.Extensions.Options;

namespace ChatOps.Core.Workflow.Handlers;

/// <summary><c>notify</c>, <c>subscribe</c>, <c>unsubscribe</c> and the Acknowledge button.</summary>
public sealed class NotifyHandler(NoticeFactory notices, ISubscriptionStore subscriptions, IOptions<NotificationOptions> options) : ICommandHandler
{
    public IReadOnlyCollection<string> Commands { get; } = ["notify", "subscribe", "unsubscribe"];

    public async Task<CommandResult> HandleAsync(CommandContext context, ParsedCommand command)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(command);
        if (command.Name == "notify")
        {
            var audience = command["audience"] ?? "all";
            var audiences = audience == "all" ? options.Value.AudienceNames.ToList() : [audience];
            var message = command.Required("message");
            return await context.ChangeAsync(
                incident => notices.Publish(incident, audiences, message, context.Now),
                o => CommandContext.Say($"{o.Incident!.Id}: update {o.Incident.Notices[^1].Id} is on its way to {string.Join(", ", audiences)}."));
        }

        var name = command.Required("audience").ToLowerInvariant();
        if (!options.Value.AudienceNames.Contains(name, StringComparer.OrdinalIgnoreCase))
        {
            return CommandContext.Error($"There is no audience '{name}'; the audiences are {string.Join(", ", options.Value.AudienceNames)}.", command.Definition.Usage);
        }

        var actor = context.Actor;
        if (command.Name == "subscribe")
        {
            await subscriptions.SubscribeAsync(actor.Channel, actor.TenantId, name, actor.UserId, context.CancellationToken);
            return CommandContext.Say($"{actor.DisplayName}, you will receive {name} updates in a 1:1 chat with me.");
        }

        var removed = await subscriptions.UnsubscribeAsync(actor.Channel, actor.TenantId, name, actor.UserId, context.CancellationToken);
        return removed
            ? CommandContext.Say($"{actor.DisplayName}, you will no longer receive {name} updates.")
            : CommandContext.Error($"You were not subscribed to {name}.");
    }

    /// <summary>
    /// Acknowledge, pressed in the recipient's 1:1 chat: the incident is found in the actor's tenant by the card's
    /// incident id; the person acknowledging is always the authenticated actor. Once per person.
    /// </summary>
    public static Task<CommandResult> AcknowledgeAsync(CommandContext context, string incidentId, string noticeId)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.ChangeAsync(incident =>
        {
            var notice = incident.FindNotice(noticeId);
            if (notice is null)
            {
                return Change.Refuse($"There is no notice {noticeId} in {incident.Id}.");
            }

            return notice.Acknowledgements.Any(a => a.Person.UserId == context.Actor.UserId)
                ? Change.Refuse($"You already acknowledged this update of {incident.Id}. Thank you.")
                : Change.Record(new PendingEvent(new NoticeAcknowledged(notice.Id)));
        }, o => CommandContext.Say($"Thank you, {context.Actor.DisplayName}: your acknowledgement of {o.Incident!.Id} is recorded."), incidentId);
    }
}
