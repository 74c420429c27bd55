using ChatOps.Core.Conversations;
using ChatOps.Core.Identity;

namespace ChatOps.Core.Workflow;

/// <summary>
/// Creates a dedicated incident conversation (Slack: <c>conversations.create</c> + invite the declarer).
/// Implemented by channels that can; <see cref="Supports"/> is false for the others.
/// </summary>
public interface IConversationProvisioner
{
    bool Supports(ChannelKind channel);

    /// <summary>Creates a channel named <paramref name="name"/>, invites <paramref name="declarer"/>, returns its key.</summary>
    Task<ConversationKey> CreateIncidentChannelAsync(Actor declarer, string name, CancellationToken cancellationToken = default);
}
