using ChatOps.Core.Views;
using ChatOps.Core.Workflow;
using ChatOps.Testing;
using Microsoft.Extensions.DependencyInjection;
using static ChatOps.Testing.WorkflowHarness;

namespace ChatOps.Core.Tests.Workflow;

/// <summary><c>declare … --channel</c> with a platform that creates channels (issue 22), and <c>close</c> in such a channel.</summary>
public sealed class IncidentChannelTests : IDisposable
{
    private readonly ScriptedProvisioner _provisioner = new();
    private readonly WorkflowHarness _h;

    public IncidentChannelTests() =>
        _h = new WorkflowHarness(configure: services => services.AddSingleton<IConversationProvisioner>(_provisioner));

    [Fact]
    public async Task Declare_WithChannel_BindsTheIncidentToTheNewChannel()
    {
        await _h.SayAsync("declare \"Exchange exploitation\" --channel");

        var status = await _h.SayAsync("status", conversation: ScriptedProvisioner.NewChannel);

        Assert.Contains("INC-2026-0001", Text(status), StringComparison.Ordinal);
        Assert.Contains("There is no active incident", Text(await _h.SayAsync("status")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Declare_WithChannel_AsksWithIdTitleDeclarerAndOrigin()
    {
        await _h.SayAsync("declare \"Exchange exploitation\" --channel");

        var request = Assert.Single(_provisioner.Requests);
        Assert.Equal(("INC-2026-0001", "Exchange exploitation", Alice, Channel), (request.IncidentId, request.Title, request.Declarer, request.Origin));
    }

    [Fact]
    public async Task Declare_WithMembers_PassesTheMentionedUserIds()
    {
        await _h.SayAsync("declare \"x\" --channel --members @29:bob,@29:carol");

        Assert.Equal(["29:bob", "29:carol"], Assert.Single(_provisioner.Requests).Members);
    }

    [Fact]
    public async Task Declare_WithMembersNotNamedWithAt_IsRefusedBeforeAnythingIsCreated()
    {
        var reply = await _h.SayAsync("declare \"x\" --channel --members bob");

        Assert.True(IsError(reply));
        Assert.Contains("--members takes people named with @", Text(reply), StringComparison.Ordinal);
        Assert.Empty(_provisioner.Requests);
    }

    [Fact]
    public async Task Declare_WithChannelAnnounced_PostsTheLinkAndNoCardInTheOriginalThread()
    {
        var reply = await _h.SayAsync("declare \"Exchange exploitation\" --channel");

        var only = Assert.Single(reply.Replies);
        Assert.Equal("INC-2026-0001 declared in its own channel \"INC-2026-0001 Exchange\": https://teams.example/channel. Next: assess (systems, vulnerabilities, impact).",
            only.View.FallbackText);
        var (channel, card) = Assert.Single(_provisioner.Announced);
        Assert.Equal(ScriptedProvisioner.NewChannel, channel.Conversation);
        Assert.IsType<IncidentSummaryView>(card);
    }

    [Fact]
    public async Task Declare_WithChannelNotAnnounced_ShowsTheCardInTheOriginalThread()
    {
        _provisioner.Announces = false;

        var reply = await _h.SayAsync("declare \"x\" --channel");

        Assert.Contains(reply.Replies, r => r.View is IncidentSummaryView);
    }

    [Fact]
    public async Task Declare_ChannelCreationFails_DeclaresInTheOriginalConversationAndSaysWhy()
    {
        _provisioner.Failure = "Microsoft Graph refused (403): an admin must grant Channel.Create.Group.";

        var reply = await _h.SayAsync("declare \"x\" --channel");

        Assert.False(IsError(reply));
        Assert.Contains("INC-2026-0001 declared here: its own channel could not be created. Microsoft Graph refused (403): an admin must grant Channel.Create.Group.", Text(reply), StringComparison.Ordinal);
        Assert.Contains("INC-2026-0001", Text(await _h.SayAsync("status")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Close_InTheIncidentChannel_PostsTheSummaryThere()
    {
        await _h.SayAsync("declare \"x\" --channel");

        var reply = await _h.SayAsync("close --force \"drill\"", conversation: ScriptedProvisioner.NewChannel);

        Assert.Contains(reply.Replies, r => r.View is IncidentSummaryView);
    }

    [Fact]
    public async Task Close_InTheIncidentChannel_TellsTheProvisioner()
    {
        await _h.SayAsync("declare \"x\" --channel");

        await _h.SayAsync("close --force \"drill\"", conversation: ScriptedProvisioner.NewChannel);

        Assert.Equal((ScriptedProvisioner.NewChannel, "INC-2026-0001"), Assert.Single(_provisioner.Closed));
    }

    [Fact]
    public async Task Close_ProvisionerReportsAFailure_ShowsItAfterTheSummary()
    {
        await _h.SayAsync("declare \"x\" --channel");
        _provisioner.CloseNote = "The channel could not be renamed: Microsoft Graph refused (403).";

        var reply = await _h.SayAsync("close --force \"drill\"", conversation: ScriptedProvisioner.NewChannel);

        Assert.Equal(_provisioner.CloseNote, reply.Replies[^1].View.FallbackText);
    }

    public void Dispose() => _h.Dispose();
}
