using ChatOps.Core.Conversations;
using ChatOps.Core.Identity;
using ChatOps.Core.Views;
using ChatOps.Core.Workflow;
using ChatOps.Teams.Activities;
using ChatOps.Teams.Channels;
using ChatOps.Teams.Options;
using Microsoft.Extensions.Options;

namespace ChatOps.Bot.Console;

/// <summary>
/// <c>declare … --channel</c> in the dev console (issue 22): what <see cref="TeamsIncidentChannelProvisioner"/> does
/// through Microsoft Graph, done against the console's emulated team (<see cref="ConsoleTeam"/>), because a keyless
/// bot has no app registration to ask Graph with. The channel is named by <see cref="TeamsChannelName"/>, private or
/// standard per <c>Teams:IncidentChannelType</c>; its reference is stored like the real one's; the incident card is
/// posted there by the real provisioner's <c>AnnounceAsync</c> (connector <c>POST /v3/conversations</c>, which the
/// connector emulation answers). Core binds the incident to the returned conversation as for any platform.
/// Registered instead of the real provisioner only in keyless Development (<see cref="DevConsoleEndpoints"/>).
/// </summary>
public sealed class ConsoleConversationProvisioner(
    TeamsIncidentChannelProvisioner teams,
    ConsoleTeam team,
    TurnActivity turn,
    IConversationReferenceStore references,
    IOptionsMonitor<TeamsChannelOptions> options,
    TimeProvider time) : IConversationProvisioner
{
    /// <summary>True where this provisioner stands in for Graph: Development without <c>MicrosoftAppId</c>.</summary>
    public static bool IsConsoleMode(IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(services);
        return services.GetRequiredService<IHostEnvironment>().IsDevelopment()
            && !services.GetRequiredService<IOptions<BotFrameworkOptions>>().Value.HasAppId;
    }

    public bool Supports(ChannelKind channel) => channel == ChannelKind.Teams;

    public Task<ConversationKey> CreateIncidentChannelAsync(Actor declarer, string name, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException("Teams incident channels are created from the whole request (IncidentChannelRequest).");

    public async Task<IncidentChannel> CreateIncidentChannelAsync(IncidentChannelRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var activity = turn.Current;
        if (activity?.ChannelData?.Team?.Id is not { Length: > 0 } || !Uri.TryCreate(activity.ServiceUrl, UriKind.Absolute, out var serviceUrl))
            throw new IncidentChannelException("--channel on Teams creates a channel in the team where it is typed; this conversation is not a team channel.");

        var isPrivate = options.CurrentValue.IsPrivateIncidentChannel;
        var declarer = request.Declarer.UserId;
        var members = isPrivate ? new[] { declarer }.Concat(request.Members).Distinct(StringComparer.Ordinal).ToList() : [];
        var channel = team.Create(TeamsChannelName.For(request.IncidentId, request.Title), $"{request.IncidentId}: {request.Title}", isPrivate, members, declarer);

        // As the real provisioner does: notices and dead letters for the incident need a reference to post to.
        var key = new ConversationKey(ChannelKind.Teams, request.Origin.TenantId, channel.Id);
        await references.UpsertAsync(new ConversationReference(ChannelKind.Teams, key.TenantId, key.ConversationId, null, serviceUrl.AbsoluteUri,
            activity.Recipient?.Id, activity.Recipient?.Name, time.GetUtcNow()), cancellationToken);
        return new IncidentChannel(key, channel.DisplayName, WebUrl(serviceUrl, channel.Id));
    }

    public Task<bool> AnnounceAsync(IncidentChannel channel, View view, CancellationToken cancellationToken = default) =>
        teams.AnnounceAsync(channel, view, cancellationToken);

    public Task<string?> IncidentClosedAsync(ConversationKey conversation, string incidentId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(conversation);

        // The same rule as the real one: only a channel named after this incident is marked closed.
        if (options.CurrentValue.RenameClosedChannels && team.Find(conversation.ConversationId) is { } channel
            && channel.DisplayName.Contains(incidentId, StringComparison.Ordinal) && !channel.DisplayName.StartsWith(TeamsChannelName.ClosedMarker, StringComparison.Ordinal))
            team.Rename(channel.Id, TeamsChannelName.Closed(channel.DisplayName));
        return Task.FromResult<string?>(null);
    }

    /// <summary>The console page opened on the channel (console.js reads <c>?channel=</c>), on the console's own origin.</summary>
    private static string WebUrl(Uri serviceUrl, string channelId) =>
        new Uri(serviceUrl, "/?channel=" + Uri.EscapeDataString(channelId)).AbsoluteUri;
}
