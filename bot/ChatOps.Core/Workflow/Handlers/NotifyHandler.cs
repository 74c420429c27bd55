using System.Globalization;
using ChatOps.Core.Commands;
using ChatOps.Core.Commands.Grammar;
using ChatOps.Core.Decisions.Events;
using ChatOps.Core.Notifications;
using Microsoft.Extensions.Options;

namespace ChatOps.Core.Workflow.Handlers;

/// <summary><c>notify</c> and the Acknowledge button.</summary>
public sealed class NotifyHandler(NoticeFactory notices, AudienceDirectory directory, IOptions<NotificationOptions> options) : ICommandHandler
{
    public IReadOnlyCollection<string> Commands { get; } = CommandCatalog.Names("notify");

    public async Task<CommandResult> HandleAsync(CommandContext context, ParsedCommand command)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(command);
        // The grammar makes the audience a closed, required choice: a typo is refused before this runs, and only "all" broadcasts.
        var audience = command.Required("audience");
        var audiences = audience == "all" ? options.Value.AudienceNames.ToList() : [audience];
        var message = command.Required("message");
        var reach = await ReachAsync(context, audiences);
        return await context.ChangeAsync(
            incident => notices.Publish(incident, audiences, message, context.Now),
            o => CommandContext.Say(Sent(o.Incident.Id, o.Incident.Notices[^1].Id, reach)));
    }

    /// <summary>Recipients per audience now, so the sender learns at once when an update will reach nobody.</summary>
    private async Task<Dictionary<string, int>> ReachAsync(CommandContext context, IReadOnlyList<string> audiences)
    {
        var reach = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        if (await context.FindIncidentAsync() is not { Incident: var incident })
        {
            return reach;
        }

        foreach (var audience in audiences)
        {
            var members = incident.MembersOf(audience).Select(m => m.UserId).ToList();
            reach[audience] = (await directory.ResolveAsync(incident.Conversation.Channel, incident.TenantId, audience, members, context.CancellationToken)).Count;
        }

        return reach;
    }

    private static string Sent(string incidentId, string noticeId, Dictionary<string, int> reach)
    {
        var reached = reach.Where(r => r.Value > 0).Select(r => string.Create(CultureInfo.InvariantCulture, $"{r.Key} ({r.Value} recipient{(r.Value == 1 ? "" : "s")})")).ToList();
        var nobody = reach.Where(r => r.Value == 0).Select(r => r.Key).ToList();
        var text = reached.Count == 0 ? $"⚠️ {incidentId}: update {noticeId} reaches nobody." : $"{incidentId}: update {noticeId} is on its way to {string.Join(", ", reached)}.";
        if (nobody.Count > 0)
        {
            text += $" Nobody is in {string.Join(", ", nobody)}. {NoticeReach.HowToAdd(nobody.Count == 1 ? nobody[0] : "AUDIENCE")}, then send it again.";
        }

        return text;
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
        }, o => CommandContext.Say($"Thank you, {context.Actor.DisplayName}: your acknowledgement of {o.Incident.Id} is recorded."), incidentId);
    }
}
