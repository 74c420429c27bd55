using ChatOps.Core.Conversations;
using ChatOps.Core.Identity;
using ChatOps.Core.Views;

namespace ChatOps.Core.Workflow;

/// <summary>
/// Creates a dedicated incident conversation (Slack: <c>conversations.create</c> + invite the declarer; Teams: a channel
/// through Microsoft Graph). Implemented by channels that can; <see cref="Supports"/> is false for the others.
/// </summary>
public interface IConversationProvisioner
{
    bool Supports(ChannelKind channel);

    /// <summary>Creates a channel named <paramref name="name"/>, invites <paramref name="declarer"/>, returns its key.</summary>
    Task<ConversationKey> CreateIncidentChannelAsync(Actor declarer, string name, CancellationToken cancellationToken = default);

    /// <summary>
    /// Creates the incident's channel. Throws <see cref="IncidentChannelException"/> when it cannot, with a message for
    /// people. By default: <see cref="CreateIncidentChannelAsync(Actor, string, CancellationToken)"/> with the Slack name.
    /// </summary>
    async Task<IncidentChannel> CreateIncidentChannelAsync(IncidentChannelRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return new IncidentChannel(await CreateIncidentChannelAsync(request.Declarer, request.SlackName, cancellationToken));
    }

    /// <summary>
    /// Posts <paramref name="view"/> (the incident card) as the first message of the new channel. False when this
    /// platform leaves that to the reply in the declaring conversation (the default).
    /// </summary>
    Task<bool> AnnounceAsync(IncidentChannel channel, View view, CancellationToken cancellationToken = default) => Task.FromResult(false);

    /// <summary>
    /// Told after <paramref name="incidentId"/> closed in <paramref name="conversation"/> (e.g. to mark its channel closed).
    /// Returns a sentence for people when something failed, else null. Never throws for platform failures.
    /// </summary>
    Task<string?> IncidentClosedAsync(ConversationKey conversation, string incidentId, CancellationToken cancellationToken = default) =>
        Task.FromResult<string?>(null);
}
