using System.Text.Json.Nodes;

namespace ChatOps.Bot.Tests.Teams;

/// <summary>
/// <c>declare … --channel</c> on Teams end to end (issue 22): signed activities into <c>/api/messages</c>, the bot's
/// app-only token from the Entra endpoint, the channel created at the fake Graph, the card posted at the fake
/// Connector, and the incident bound to the new channel. Storage on Azurite.
/// </summary>
[Trait("Category", "Azurite")]
public sealed class TeamsIncidentChannelTests : IAsyncLifetime
{
    private const string TeamId = "19:66P469zibfbsGI-_a0aN_toLTZpyzS6u7CT3TsXdgPw1@thread.tacv2";
    private const string GroupId = "4a6a5a0e-3b1c-4d0a-9a52-0c1f6f1c2e11";
    private const string GraphScope = "https://graph.microsoft.com/.default";
    private static readonly TeamsUser Alice = new("29:alice", "Alice");
    private static readonly TeamsUser Bob = new("29:bob", "Bob");
    private FakeGraph _graph = null!;
    private TeamsChannelDriver _teams = null!;

    public async Task InitializeAsync()
    {
        _graph = await FakeGraph.StartAsync();
        _graph.AddTeam(GroupId, "General");
        _teams = await TeamsChannelDriver.StartAsync(_ => new Dictionary<string, string?>
        {
            ["Teams:GraphBaseUrl"] = _graph.BaseUrl.ToString(),
            ["Teams:RenameClosedChannels"] = "true",
            ["Teams:ConnectorRetryDelay"] = "00:00:00.050",
        });
        _graph.AcceptToken = token => _teams.Tokens.IssuedFor(token) is ({ } tenant, GraphScope) && tenant == _teams.TenantId;
        _teams.Connector.KnowTeam(TeamId, GroupId);
        _teams.Connector.KnowMember(Alice.Id, "a11ce000-0000-4000-8000-000000000001");
        _teams.Connector.KnowMember(Bob.Id, "b0b00000-0000-4000-8000-000000000002");
    }

    public async Task DisposeAsync()
    {
        await _teams.DisposeAsync();
        await _graph.DisposeAsync();
    }

    [Fact]
    public async Task DeclareWithChannel_PrivateWithMembers_CreatesTheChannelWithDeclarerAsOwnerAndTheMember()
    {
        await _teams.SayAsync(Alice, "declare \"Exchange ProxyShell exploitation\" --channel --members @Bob", Bob);

        var body = JsonNode.Parse(Assert.Single(_graph.Requests, r => r.Method == "POST").Body)!;
        Assert.Equal("INC-2026-0001 Exchange ProxyShell exploitation", body["displayName"]!.ToString());
        Assert.Equal("private", body["membershipType"]!.ToString());
        var members = body["members"]!.AsArray();
        Assert.Equal(["owner"], members[0]!["roles"]!.AsArray().Select(r => r!.ToString()));
        Assert.EndsWith("users('a11ce000-0000-4000-8000-000000000001')", members[0]!["user@odata.bind"]!.ToString(), StringComparison.Ordinal);
        Assert.EndsWith("users('b0b00000-0000-4000-8000-000000000002')", members[1]!["user@odata.bind"]!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task DeclareWithChannel_Created_PostsTheLinkInTheOriginalThread()
    {
        var replies = await _teams.SayAsync(Alice, "declare \"Exchange ProxyShell exploitation\" --channel");

        var shown = Assert.Single(replies).Shown;
        Assert.Contains("INC-2026-0001 declared in its own channel \"INC-2026-0001 Exchange ProxyShell exploitation\": https://teams.microsoft.com/l/channel/", shown, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DeclareWithChannel_Created_PostsTheIncidentCardInTheNewChannel()
    {
        await _teams.SayAsync(Alice, "declare \"Exchange ProxyShell exploitation\" --channel");

        var thread = Assert.Single(_teams.Connector.Delivered, d => d.Conversation.StartsWith("19:channel1@thread.tacv2;messageid=", StringComparison.Ordinal));
        Assert.Contains("INC-2026-0001", thread.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DeclareWithChannel_Created_CommandsTypedInTheNewChannelActOnTheIncident()
    {
        await _teams.SayAsync(Alice, "declare \"Exchange ProxyShell exploitation\" --channel");

        var status = await _teams.SayInAsync("19:channel1@thread.tacv2", Alice, "status");

        Assert.Contains("INC-2026-0001", string.Join('\n', status.Select(r => r.Shown)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task DeclareWithChannel_GraphToken_IsAppOnlyForGraphInTheTeamsTenant()
    {
        await _teams.SayAsync(Alice, "declare \"x\" --channel");

        Assert.Contains(_teams.Tokens.Requests, r => r.Tenant == _teams.TenantId && r.Form["scope"] == GraphScope && r.Form["grant_type"] == "client_credentials");
        Assert.StartsWith("Bearer bot-token-", Assert.Single(_graph.Requests).Authorization, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DeclareWithChannel_GraphForbidden_DeclaresInTheThreadAndSaysWhatAnAdminMustGrant()
    {
        _graph.Enqueue(403, code: "Forbidden");

        var replies = await _teams.SayAsync(Alice, "declare \"Exchange ProxyShell exploitation\" --channel");
        var status = await _teams.SayAsync(Alice, "status");

        var shown = string.Join('\n', replies.Select(r => r.Shown));
        Assert.Contains("INC-2026-0001 declared here: its own channel could not be created.", shown, StringComparison.Ordinal);
        Assert.Contains("Channel.Create.Group", shown, StringComparison.Ordinal);
        Assert.Contains("INC-2026-0001", string.Join('\n', status.Select(r => r.Shown)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Close_InTheIncidentChannel_PostsTheSummaryThereAndRenamesTheChannel()
    {
        await _teams.SayAsync(Alice, "declare \"Exchange ProxyShell exploitation\" --channel");

        var closed = await _teams.SayInAsync("19:channel1@thread.tacv2", Alice, "close --force \"drill\"");

        Assert.Contains(closed, r => r.Card is not null && r.Shown.Contains("INC-2026-0001", StringComparison.Ordinal));
        Assert.Equal("[closed] INC-2026-0001 Exchange ProxyShell", _graph.Channels(GroupId)["19:channel1@thread.tacv2"]["displayName"]!.ToString());
    }
}
