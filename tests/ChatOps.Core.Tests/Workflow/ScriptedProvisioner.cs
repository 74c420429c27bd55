using ChatOps.Core.Conversations;
using ChatOps.Core.Identity;
using ChatOps.Core.Views;
using ChatOps.Core.Workflow;

namespace ChatOps.Core.Tests.Workflow;

/// <summary>A Teams channel provisioner that records what Core asked and answers from its settings.</summary>
internal sealed class ScriptedProvisioner : IConversationProvisioner
{
    public static readonly ConversationKey NewChannel = new(ChannelKind.Teams, Testing.WorkflowHarness.Tenant, "19:new-incident@thread.tacv2");

    public List<IncidentChannelRequest> Requests { get; } = [];

    public List<(IncidentChannel Channel, View View)> Announced { get; } = [];

    public List<(ConversationKey Conversation, string IncidentId)> Closed { get; } = [];

    public string? Failure { get; set; }

    public bool Announces { get; set; } = true;

    public string? CloseNote { get; set; }

    public bool Supports(ChannelKind channel) => channel == ChannelKind.Teams;

    public Task<ConversationKey> CreateIncidentChannelAsync(Actor declarer, string name, CancellationToken cancellationToken = default) =>
        throw new InvalidOperationException("Core must ask with the whole request.");

    public Task<IncidentChannel> CreateIncidentChannelAsync(IncidentChannelRequest request, CancellationToken cancellationToken = default)
    {
        Requests.Add(request);
        return Failure is { } failure
            ? throw new IncidentChannelException(failure)
            : Task.FromResult(new IncidentChannel(NewChannel, "INC-2026-0001 Exchange", "https://teams.example/channel"));
    }

    public Task<bool> AnnounceAsync(IncidentChannel channel, View view, CancellationToken cancellationToken = default)
    {
        Announced.Add((channel, view));
        return Task.FromResult(Announces);
    }

    public Task<string?> IncidentClosedAsync(ConversationKey conversation, string incidentId, CancellationToken cancellationToken = default)
    {
        Closed.Add((conversation, incidentId));
        return Task.FromResult(CloseNote);
    }
}
