using System.Text.Json.Nodes;
using ChatOps.Core.Conversations;
using ChatOps.Core.Identity;
using ChatOps.Core.Views;
using ChatOps.Core.Workflow;
using ChatOps.Teams.Tests.Support;

namespace ChatOps.Teams.Tests.Graph;

/// <summary>
/// <c>declare --channel</c> on Teams through Microsoft Graph (issue 22), against a fake Graph that checks the token
/// and the documented request shapes (learn.microsoft.com/graph/api/channel-post, channel-patch).
/// </summary>
public sealed class GraphChannelProvisionerTests : IAsyncLifetime
{
    private GraphHarness _h = null!;

    public async Task InitializeAsync() => _h = await GraphHarness.StartAsync();

    public async Task DisposeAsync() => await _h.DisposeAsync();

    [Fact]
    public async Task CreateIncidentChannel_Private_PostsTheDocumentedBodyWithTheDeclarerAsOwner()
    {
        _h.BeginTurn();

        var channel = await _h.Provisioner.CreateIncidentChannelAsync(GraphHarness.Request());

        var request = Assert.Single(_h.Graph.Requests);
        Assert.Equal($"/v1.0/teams/{GraphHarness.GroupId}/channels", request.RawTarget);
        var body = _h.GraphBody("POST");
        Assert.Equal("INC-2026-0001 Exchange ProxyShell exploitation", body["displayName"]!.ToString());
        Assert.Equal("private", body["membershipType"]!.ToString());
        var owner = Assert.Single(body["members"]!.AsArray())!;
        Assert.Equal("#microsoft.graph.aadUserConversationMember", owner["@odata.type"]!.ToString());
        Assert.Equal(["owner"], owner["roles"]!.AsArray().Select(r => r!.ToString()));
        Assert.Equal($"{_h.Graph.BaseUrl}users('{GraphHarness.DeclarerObjectId}')", owner["user@odata.bind"]!.ToString());
        Assert.Equal(new ConversationKey(ChannelKind.Teams, GraphHarness.TenantId, "19:channel1@thread.tacv2"), channel.Conversation);
    }

    [Fact]
    public async Task CreateIncidentChannel_Token_IsAnAppOnlyGraphTokenOfTheBotsTenant()
    {
        _h.BeginTurn();

        await _h.Provisioner.CreateIncidentChannelAsync(GraphHarness.Request());

        var (tenant, form) = Assert.Single(_h.Tokens.Requests);
        Assert.Equal(GraphHarness.TenantId, tenant);
        Assert.Equal(("client_credentials", GraphHarness.GraphScope, TeamsTestEnvironment.AppId), (form["grant_type"], form["scope"], form["client_id"]));
        Assert.Equal("Bearer " + FakeTokenEndpoint.TokenNumber(1), Assert.Single(_h.Graph.Requests).Authorization);
    }

    [Fact]
    public async Task CreateIncidentChannel_WithMembers_AddsThemByTheirObjectIdFromTheConnector()
    {
        _h.Connector.KnowMember("29:bob", "0b0b0b0b-0000-4000-8000-000000000002");
        _h.BeginTurn();

        var channel = await _h.Provisioner.CreateIncidentChannelAsync(GraphHarness.Request(members: "29:bob"));

        var members = _h.GraphBody("POST")["members"]!.AsArray();
        Assert.Equal(2, members.Count);
        Assert.EndsWith("users('0b0b0b0b-0000-4000-8000-000000000002')", members[1]!["user@odata.bind"]!.ToString(), StringComparison.Ordinal);
        Assert.Empty(members[1]!["roles"]!.AsArray());
        Assert.Contains(_h.Connector.Requests, r => r.Method == "GET" && r.RawTarget.EndsWith("/members/29%3Abob", StringComparison.Ordinal));
        Assert.Null(channel.Note);
    }

    [Fact]
    public async Task CreateIncidentChannel_MemberUnknownToTeams_CreatesTheChannelAndNamesWhoWasLeftOut()
    {
        _h.BeginTurn();

        var channel = await _h.Provisioner.CreateIncidentChannelAsync(GraphHarness.Request(members: "29:stranger"));

        Assert.Single(_h.GraphBody("POST")["members"]!.AsArray());
        Assert.Contains("29:stranger", channel.Note, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateIncidentChannel_Standard_SendsNoMembers()
    {
        await using var standard = await GraphHarness.StartAsync(s => s["Teams:IncidentChannelType"] = "standard");
        standard.BeginTurn();

        await standard.Provisioner.CreateIncidentChannelAsync(GraphHarness.Request(members: "29:bob"));

        var body = standard.GraphBody("POST");
        Assert.Equal("standard", body["membershipType"]!.ToString());
        Assert.Null(body["members"]);
    }

    [Fact]
    public async Task CreateIncidentChannel_NameTaken_TriesAgainWithASuffix()
    {
        _h.Graph.AddTeam(GraphHarness.GroupId, "INC-2026-0001 Exchange ProxyShell exploitation");
        _h.BeginTurn();

        var channel = await _h.Provisioner.CreateIncidentChannelAsync(GraphHarness.Request());

        Assert.Equal(2, _h.Graph.Requests.Count);
        Assert.Equal("INC-2026-0001 Exchange ProxyShell exploitation (2)", channel.DisplayName);
    }

    [Fact]
    public async Task CreateIncidentChannel_Throttled_WaitsForRetryAfterThenCreates()
    {
        _h.Graph.Enqueue(429, retryAfter: "2", code: "TooManyRequests");
        _h.BeginTurn();

        var channel = await _h.Provisioner.CreateIncidentChannelAsync(GraphHarness.Request());

        var requests = _h.Graph.Requests;
        Assert.Equal(2, requests.Count);
        // The configured back-off is 50 ms, so a gap near 2 s can only come from Retry-After.
        Assert.True(requests[1].ReceivedAt - requests[0].ReceivedAt >= TimeSpan.FromSeconds(1.8), $"retried after {requests[1].ReceivedAt - requests[0].ReceivedAt}");
        Assert.NotNull(channel.WebUrl);
    }

    [Fact]
    public async Task CreateIncidentChannel_Forbidden_SaysWhatAnAdminMustGrant()
    {
        _h.Graph.Enqueue(403, code: "Forbidden");
        _h.BeginTurn();

        var error = await Assert.ThrowsAsync<IncidentChannelException>(() => _h.Provisioner.CreateIncidentChannelAsync(GraphHarness.Request()));

        Assert.Contains("Microsoft Graph refused to create the channel (403 Forbidden)", error.Message, StringComparison.Ordinal);
        Assert.Contains("Channel.Create.Group", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateIncidentChannel_NoGroupIdInTheActivity_AsksTheConnectorForTheTeamDetails()
    {
        _h.Connector.KnowTeam("19:66P469zibfbsGI-_a0aN_toLTZpyzS6u7CT3TsXdgPw1@thread.tacv2", GraphHarness.GroupId);
        _h.BeginTurn(a => a["channelData"]!["team"]!.AsObject().Remove("aadGroupId"));

        await _h.Provisioner.CreateIncidentChannelAsync(GraphHarness.Request());

        Assert.Contains(_h.Connector.Requests, r => r.Method == "GET" && r.RawTarget.Contains("/v3/teams/19%3A66P469", StringComparison.Ordinal));
        Assert.Single(_h.Graph.Requests);
    }

    [Fact]
    public async Task CreateIncidentChannel_InAPersonalChat_IsRefusedWithoutCallingGraph()
    {
        _h.BeginTurn(a => a["channelData"]!.AsObject().Remove("team"));

        var error = await Assert.ThrowsAsync<IncidentChannelException>(() => _h.Provisioner.CreateIncidentChannelAsync(GraphHarness.Request()));

        Assert.Contains("not a team channel", error.Message, StringComparison.Ordinal);
        Assert.Empty(_h.Graph.Requests);
    }

    [Fact]
    public async Task CreateIncidentChannel_NoAppRegistration_SaysGraphNeedsItWithoutCallingGraph()
    {
        await using var anonymous = await GraphHarness.StartAsync(s => s["MicrosoftAppId"] = "");
        anonymous.BeginTurn();

        var error = await Assert.ThrowsAsync<IncidentChannelException>(() => anonymous.Provisioner.CreateIncidentChannelAsync(GraphHarness.Request()));

        Assert.Contains("MicrosoftAppId", error.Message, StringComparison.Ordinal);
        Assert.Empty(anonymous.Graph.Requests);
    }

    [Fact]
    public async Task CreateIncidentChannel_Created_StoresTheChannelsConversationReference()
    {
        _h.BeginTurn();

        var channel = await _h.Provisioner.CreateIncidentChannelAsync(GraphHarness.Request());

        var reference = Assert.Single(_h.References.Conversations);
        Assert.Equal((channel.Conversation, _h.Connector.ServiceUrl.ToString()), (reference.Key, reference.ServiceUrl));
    }

    [Fact]
    public async Task Announce_PostsTheCardAsANewThreadInTheChannel()
    {
        _h.BeginTurn();
        var channel = await _h.Provisioner.CreateIncidentChannelAsync(GraphHarness.Request());

        var posted = await _h.Provisioner.AnnounceAsync(channel, new TextView("INC-2026-0001 declared."));

        Assert.True(posted);
        var create = Assert.Single(_h.Connector.Requests, r => r.Method == "POST" && r.RawTarget == "/amer/v3/conversations");
        var body = JsonNode.Parse(create.Body)!;
        Assert.True(body["isGroup"]!.GetValue<bool>());
        Assert.Equal("19:channel1@thread.tacv2", body["channelData"]!["channel"]!["id"]!.ToString());
        Assert.Equal("INC-2026-0001 declared.", body["activity"]!["text"]!.ToString());
    }

    [Fact]
    public async Task IncidentClosed_RenameOn_PatchesTheNameWithTheClosedMarker()
    {
        await using var renaming = await GraphHarness.StartAsync(s => s["Teams:RenameClosedChannels"] = "true");
        renaming.BeginTurn();
        var channel = await renaming.Provisioner.CreateIncidentChannelAsync(GraphHarness.Request());

        var note = await renaming.Provisioner.IncidentClosedAsync(channel.Conversation, "INC-2026-0001");

        Assert.Null(note);
        Assert.Equal("[closed] INC-2026-0001 Exchange ProxyShell", renaming.GraphBody("PATCH")["displayName"]!.ToString());
        Assert.Equal("[closed] INC-2026-0001 Exchange ProxyShell", renaming.Graph.Channels(GraphHarness.GroupId)["19:channel1@thread.tacv2"]["displayName"]!.ToString());
    }

    [Fact]
    public async Task IncidentClosed_ChannelNotNamedAfterTheIncident_KeepsItsName()
    {
        await using var renaming = await GraphHarness.StartAsync(s => s["Teams:RenameClosedChannels"] = "true");
        renaming.BeginTurn();
        var channel = await renaming.Provisioner.CreateIncidentChannelAsync(GraphHarness.Request());

        var note = await renaming.Provisioner.IncidentClosedAsync(channel.Conversation, "INC-2026-0002");

        Assert.Null(note);
        Assert.DoesNotContain(renaming.Graph.Requests, r => r.Method == "PATCH");
    }

    [Fact]
    public async Task IncidentClosed_RenameForbidden_SaysWhatAnAdminMustGrant()
    {
        await using var renaming = await GraphHarness.StartAsync(s => s["Teams:RenameClosedChannels"] = "true");
        renaming.BeginTurn();
        var channel = await renaming.Provisioner.CreateIncidentChannelAsync(GraphHarness.Request());
        renaming.Graph.Enqueue(403, code: "Forbidden");

        var note = await renaming.Provisioner.IncidentClosedAsync(channel.Conversation, "INC-2026-0001");

        Assert.Contains("ChannelSettings.ReadWrite.Group", note, StringComparison.Ordinal);
    }

    [Fact]
    public async Task IncidentClosed_RenameOff_CallsNoGraph()
    {
        _h.BeginTurn();
        var channel = await _h.Provisioner.CreateIncidentChannelAsync(GraphHarness.Request());

        await _h.Provisioner.IncidentClosedAsync(channel.Conversation, "INC-2026-0001");

        Assert.Single(_h.Graph.Requests);
    }
}
