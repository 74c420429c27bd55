using System.Net;
using ChatOps.Core.Conversations;
using ChatOps.Core.Identity;
using ChatOps.Core.Views;
using ChatOps.Core.Workflow;
using ChatOps.Teams.Activities;
using ChatOps.Teams.Connector;
using ChatOps.Teams.Graph;
using ChatOps.Teams.Options;
using ChatOps.Teams.Schema;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatOps.Teams.Channels;

/// <summary>
/// Core's <see cref="IConversationProvisioner"/> on Teams (issue 22): <c>declare … --channel</c> creates a channel in the
/// team where it was typed through Microsoft Graph (standard or private per <c>Teams:IncidentChannelType</c>; a private
/// one with the declarer as owner and the <c>--members</c>), posts the incident card there through the connector and
/// stores the channel's conversation reference; <c>close</c> renames the channel with a closed marker when
/// <c>Teams:RenameClosedChannels</c> is on. Graph and connector clients are typed HttpClients, resolved per call.
/// </summary>
public sealed class TeamsIncidentChannelProvisioner(
    IServiceProvider services,
    TurnActivity turn,
    IConversationReferenceStore references,
    IOptionsMonitor<TeamsChannelOptions> options,
    IOptions<BotFrameworkOptions> bot,
    TimeProvider time,
    ILogger<TeamsIncidentChannelProvisioner> logger) : IConversationProvisioner
{
    private const int MaxNameAttempts = 5;
    private const string CreatePermissions = "Channel.Create.Group (resource-specific consent) or the application permission Channel.Create";
    private const string RenamePermissions = "ChannelSettings.ReadWrite.Group (resource-specific consent) or the application permission ChannelSettings.ReadWrite.All";

    private ConnectorClient Connector => services.GetRequiredService<ConnectorClient>();

    private GraphClient Graph => services.GetRequiredService<GraphClient>();

    public bool Supports(ChannelKind channel) => channel == ChannelKind.Teams;

    public Task<ConversationKey> CreateIncidentChannelAsync(Actor declarer, string name, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException("Teams incident channels are created from the whole request (IncidentChannelRequest).");

    public async Task<IncidentChannel> CreateIncidentChannelAsync(IncidentChannelRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var team = TeamsTeamContext.Of(turn.Current)
            ?? throw new IncidentChannelException("--channel on Teams creates a channel in the team where it is typed; this conversation is not a team channel.");

        // Without an app registration (the dev console) there is no Graph token to ask with, so Graph is not called at all.
        if (!bot.Value.HasAppId)
            throw new IncidentChannelException("Creating a Teams channel needs Microsoft Graph and the bot's app registration (MicrosoftAppId), which this bot has not got.");
        var connector = Connector;
        var groupId = await StepAsync("find the team's group id", () => team.GroupIdAsync(connector, cancellationToken))
            ?? throw new IncidentChannelException("Teams did not tell the team's group id, so no channel could be created.");

        var isPrivate = options.CurrentValue.IsPrivateIncidentChannel;
        var (members, missing) = isPrivate ? await MembersAsync(team, request, cancellationToken) : ([], []);
        var created = await CreateAsync(team.TenantId, groupId, TeamsChannelName.For(request.IncidentId, request.Title), request, isPrivate, members, cancellationToken);
        var key = new ConversationKey(ChannelKind.Teams, team.TenantId, created.Id!);
        await RememberAsync(team, key, cancellationToken);
        var note = missing.Count == 0 ? null : $"Not added to the channel (no Entra id found): {string.Join(", ", missing)}.";
        return new IncidentChannel(key, created.DisplayName, created.WebUrl, note);
    }

    public async Task<bool> AnnounceAsync(IncidentChannel channel, View view, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(channel);
        if (TeamsTeamContext.Of(turn.Current) is not { } team)
            return false;
        try
        {
            // A new thread in the channel: POST /v3/conversations with isGroup and channelData.channel.id (msteams-docs
            // send-proactive-messages.md, "create a conversation in a channel").
            var activity = ReplyActivityFactory.Create(view);
            await Connector.CreateConversationAsync(team.ServiceUrl, new ConversationParameters
            {
                IsGroup = true,
                Bot = team.Activity.Recipient is { } bot ? new ChannelAccount { Id = bot.Id, Name = bot.Name } : null,
                TenantId = team.TenantId,
                ChannelData = new TeamsChannelData { Channel = new TeamsInfo { Id = channel.Conversation.ConversationId }, Tenant = new TeamsInfo { Id = team.TenantId } },
                Activity = activity,
            }, cancellationToken);
            return true;
        }
        catch (Exception ex) when (DeliveryFailure.Is(ex))
        {
            // The reply in the declaring thread then carries the card instead.
            Log.IncidentChannelFailed(logger, ex, "post the incident card", (ex as ConnectorRequestException)?.Status.ToString() ?? ex.GetType().Name);
            return false;
        }
    }

    public async Task<string?> IncidentClosedAsync(ConversationKey conversation, string incidentId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(conversation);
        if (!options.CurrentValue.RenameClosedChannels || TeamsTeamContext.Of(turn.Current) is not { } team)
            return null;
        try
        {
            var groupId = await team.GroupIdAsync(Connector, cancellationToken);
            if (groupId is null)
                return "The channel could not be renamed: Teams did not tell the team's group id.";
            var graph = Graph;
            var current = await graph.GetChannelAsync(team.TenantId, groupId, conversation.ConversationId, cancellationToken);

            // Only a channel named after this incident is its own channel; a channel an incident was merely declared in keeps its name.
            if (current.DisplayName is not { } name || !name.Contains(incidentId, StringComparison.Ordinal) || name.StartsWith(TeamsChannelName.ClosedMarker, StringComparison.Ordinal))
                return null;
            await graph.UpdateChannelAsync(team.TenantId, groupId, conversation.ConversationId, new GraphChannel { DisplayName = TeamsChannelName.Closed(name) }, cancellationToken);
            return null;
        }
        catch (Exception ex) when (GraphFailure.Is(ex) || DeliveryFailure.Is(ex))
        {
            Log.IncidentChannelFailed(logger, ex, "rename the closed channel", StatusOf(ex));
            return "The channel was not marked closed. " + GraphFailure.Describe(ex, "rename the channel", RenamePermissions);
        }
    }

    private async Task<GraphChannel> CreateAsync(string tenantId, string groupId, string name, IncidentChannelRequest request, bool isPrivate,
        List<AadUserConversationMember> members, CancellationToken cancellationToken)
    {
        var graph = Graph;
        for (var attempt = 1; ; attempt++)
        {
            var body = new GraphChannel
            {
                DisplayName = TeamsChannelName.WithSuffix(name, attempt),
                Description = $"{request.IncidentId}: {request.Title}",
                MembershipType = isPrivate ? "private" : "standard",
                Members = isPrivate ? members : null,
            };
            try
            {
                var created = await graph.CreateChannelAsync(tenantId, groupId, body, cancellationToken);
                return string.IsNullOrEmpty(created.Id) ? throw new IncidentChannelException("Microsoft Graph created the channel but did not return its id.") : created;
            }
            catch (GraphRequestException ex) when (ex.Status == HttpStatusCode.Conflict && attempt < MaxNameAttempts)
            {
                // 409: a channel of that name exists (or existed: Teams keeps deleted names); try the next suffix.
            }
            catch (Exception ex) when (GraphFailure.Is(ex))
            {
                Log.IncidentChannelFailed(logger, ex, "create the channel", StatusOf(ex));
                throw new IncidentChannelException(GraphFailure.Describe(ex, "create the channel", CreatePermissions), ex);
            }
        }
    }

    private async Task<(List<AadUserConversationMember> Members, List<string> Missing)> MembersAsync(TeamsTeamContext team, IncidentChannelRequest request, CancellationToken cancellationToken)
    {
        var connector = Connector;
        var graphBase = Graph.BaseAddress;
        var owner = request.Declarer.AadObjectId ?? await StepAsync("look up the declarer", () => team.ObjectIdAsync(connector, request.Declarer.UserId, cancellationToken))
            ?? throw new IncidentChannelException("Teams did not tell your Entra id, which a private channel needs for its owner; set Teams:IncidentChannelType to standard, or try again.");
        var members = new List<AadUserConversationMember> { AadUserConversationMember.For(graphBase, owner, owner: true) };
        var missing = new List<string>();
        foreach (var userId in request.Members.Distinct(StringComparer.Ordinal).Where(u => u != request.Declarer.UserId))
        {
            string? objectId = null;
            try
            {
                objectId = await team.ObjectIdAsync(connector, userId, cancellationToken);
            }
            catch (Exception ex) when (DeliveryFailure.Is(ex))
            {
                Log.IncidentChannelFailed(logger, ex, "look up a member", StatusOf(ex));
            }

            if (objectId is null)
                missing.Add(userId);
            else if (members.All(m => !m.UserBind!.Contains(objectId, StringComparison.Ordinal)))
                members.Add(AadUserConversationMember.For(graphBase, objectId, owner: false));
        }

        return (members, missing);
    }

    private async Task RememberAsync(TeamsTeamContext team, ConversationKey key, CancellationToken cancellationToken)
    {
        try
        {
            // Notices and dead letters for the incident go to its conversation, which needs a reference to post to.
            await references.UpsertAsync(new ConversationReference(ChannelKind.Teams, key.TenantId, key.ConversationId, null, team.ServiceUrl.AbsoluteUri,
                team.Activity.Recipient?.Id, team.Activity.Recipient?.Name, time.GetUtcNow()), cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Log.IncidentChannelFailed(logger, ex, "store the channel's reference", ex.GetType().Name);
        }
    }

    private async Task<T> StepAsync<T>(string step, Func<Task<T>> work)
    {
        try
        {
            return await work();
        }
        catch (Exception ex) when (DeliveryFailure.Is(ex))
        {
            Log.IncidentChannelFailed(logger, ex, step, StatusOf(ex));
            var status = ex is ConnectorRequestException c ? $" ({(int)c.Status})" : "";
            throw new IncidentChannelException($"Teams did not let the bot {step}{status}.", ex);
        }
    }

    private static string StatusOf(Exception ex) => ex switch
    {
        GraphRequestException g => ((int)g.Status).ToString(System.Globalization.CultureInfo.InvariantCulture),
        ConnectorRequestException c => ((int)c.Status).ToString(System.Globalization.CultureInfo.InvariantCulture),
        _ => ex.GetType().Name,
    };
}
