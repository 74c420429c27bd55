using System.Net;
using System.Text.Json.Nodes;
using ChatOps.Teams.Tests.Support;

namespace ChatOps.Teams.Tests.Auth;

/// <summary>
/// Validly signed activities from a channel or tenant the bot does not serve get 403 through POST /api/messages, before
/// anything is dispatched, stored or answered (issue 19, item 2). Tokens are minted locally with the test key.
/// </summary>
public sealed class ChannelAndTenantTests
{
    private const string FixtureTenant = "50612dbb-0237-4969-b378-8d42590f9c00";
    private const string OtherTenant = "0c9a3e55-7f1d-4b8e-9a26-d31f6e0b4c77";

    [Fact]
    public async Task Post_WebChatActivityWithEndorsedKey_Returns403()
    {
        await using var env = await TeamsTestEnvironment.StartAsync(endorsements: ["msteams", "webchat"]);

        using var response = await env.PostAsync(Message(env, channel: "webchat"), env.Token());

        AssertRefused(env, response);
    }

    [Fact]
    public async Task Post_WebChatListedInAllowedChannels_Returns200()
    {
        await using var env = await TeamsTestEnvironment.StartAsync(s => s["Teams:AllowedChannels:0"] = "webchat", endorsements: ["webchat"]);

        using var response = await env.PostAsync(Message(env, channel: "webchat"), env.Token());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Post_ChannelIdMissing_Returns403()
    {
        await using var env = await TeamsTestEnvironment.StartAsync();
        var activity = Message(env);
        activity.Remove("channelId");

        using var response = await env.PostAsync(activity, env.Token());

        AssertRefused(env, response);
    }

    [Fact]
    public async Task Post_AnotherTenantWhileAppTenantIdIsSet_Returns403()
    {
        await using var env = await TeamsTestEnvironment.StartAsync(s => s["MicrosoftAppTenantId"] = OtherTenant);

        using var response = await env.PostAsync(Message(env), env.Token());

        AssertRefused(env, response);
    }

    [Fact]
    public async Task Post_TheAppTenant_Returns200()
    {
        await using var env = await TeamsTestEnvironment.StartAsync(s => s["MicrosoftAppTenantId"] = FixtureTenant);

        using var response = await env.PostAsync(Message(env), env.Token());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Post_TenantListedInAllowedTenants_Returns200()
    {
        await using var env = await TeamsTestEnvironment.StartAsync(s =>
        {
            s["MicrosoftAppTenantId"] = OtherTenant;
            s["Teams:AllowedTenants:0"] = FixtureTenant;
        });

        using var response = await env.PostAsync(Message(env), env.Token());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Post_AnyTenantWithWildcard_Returns200()
    {
        await using var env = await TeamsTestEnvironment.StartAsync(s =>
        {
            s["MicrosoftAppTenantId"] = OtherTenant;
            s["Teams:AllowedTenants:0"] = "*";
        });

        using var response = await env.PostAsync(Message(env), env.Token());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Post_ConversationTenantDiffersFromChannelDataTenant_Returns403()
    {
        await using var env = await TeamsTestEnvironment.StartAsync(s => s["MicrosoftAppTenantId"] = FixtureTenant);
        var activity = Message(env);
        activity["conversation"]!["tenantId"] = OtherTenant;

        using var response = await env.PostAsync(activity, env.Token());

        AssertRefused(env, response);
    }

    [Fact]
    public async Task Post_RefusedTenant_StoresNoConversationReference()
    {
        await using var env = await TeamsTestEnvironment.StartAsync(s => s["MicrosoftAppTenantId"] = OtherTenant);

        using var response = await env.PostAsync(env.Fixture("teams-conversationUpdate-bot-added-to-team.json"), env.Token());

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Empty(env.Host.References.Conversations);
        Assert.Empty(env.Host.References.PersonalChats);
    }

    [Fact]
    public async Task Post_ServiceUrlOutsideAllowList_Returns403()
    {
        await using var env = await TeamsTestEnvironment.StartAsync();
        const string elsewhere = "https://collector.attacker.example/amer/";
        var activity = Message(env);
        activity["serviceUrl"] = elsewhere;
        var token = Fakes.TokenMinter.Mint(env.Key.Credentials, TeamsTestEnvironment.AppId, elsewhere);

        using var response = await env.PostAsync(activity, token);

        AssertRefused(env, response);
    }

    [Fact]
    public async Task Post_HttpServiceUrlOutsideDevelopment_Returns403()
    {
        await using var env = await TeamsTestEnvironment.StartAsync(s => s.Remove("Teams:RequireHttpsServiceUrl"));

        using var response = await env.PostAsync(Message(env), env.Token());

        AssertRefused(env, response);
    }

    private static JsonObject Message(TeamsTestEnvironment env, string channel = "msteams")
    {
        var activity = env.Fixture("teams-message-channel-mention.json");
        activity["channelId"] = channel;
        return activity;
    }

    private static void AssertRefused(TeamsTestEnvironment env, HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Empty(env.Host.Dispatcher.Commands);
        Assert.Empty(env.Connector.Requests);
    }
}
