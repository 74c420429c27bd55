using ChatOps.Core.Conversations;
using ChatOps.Core.Identity;
using ChatOps.Core.Workflow;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ChatOps.Slack.Api;

/// <summary>
/// Core's <see cref="IConversationProvisioner"/> on Slack: <c>conversations.create</c> (private by default: incident
/// details stay with the people invited) and <c>conversations.invite</c> of the declarer. A taken name gets a
/// numeric suffix. Resolves the API per call so no HttpClient outlives its handler.
/// </summary>
public sealed class SlackConversationProvisioner(IServiceScopeFactory scopes, IOptionsMonitor<SlackOptions> options) : IConversationProvisioner
{
    private const int MaxNameAttempts = 5;

    public bool Supports(ChannelKind channel) => channel == ChannelKind.Slack;

    public async Task<ConversationKey> CreateIncidentChannelAsync(Actor declarer, string name, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(declarer);
        ArgumentException.ThrowIfNullOrEmpty(name);
        if (declarer.Channel != ChannelKind.Slack)
        {
            throw new ArgumentException("Only Slack users can get a Slack incident channel.", nameof(declarer));
        }

        await using var scope = scopes.CreateAsyncScope();
        var conversations = scope.ServiceProvider.GetRequiredService<ConversationsApi>();
        var isPrivate = options.CurrentValue.IncidentChannelsPrivate;
        for (var attempt = 1; ; attempt++)
        {
            var candidate = attempt == 1 ? name : $"{name}-{attempt}";
            try
            {
                var channel = await conversations.CreateAsync(candidate, isPrivate, cancellationToken);
                await conversations.InviteAsync(channel.Id, [declarer.UserId], cancellationToken);
                return new ConversationKey(ChannelKind.Slack, declarer.TenantId, channel.Id);
            }
            catch (SlackApiException ex) when (ex.ErrorCode == "name_taken" && attempt < MaxNameAttempts)
            {
                // Try the next suffix.
            }
        }
    }
}
