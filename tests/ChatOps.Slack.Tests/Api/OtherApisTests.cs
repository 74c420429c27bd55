using System.Text.Json.Nodes;
using ChatOps.Slack.Api;
using ChatOps.Slack.Tests.Fakes;

namespace ChatOps.Slack.Tests.Api;

/// <summary>conversations.*, views.*, users.* against the fake Slack, answered with the spec's examples.</summary>
public sealed class OtherApisTests
{
    [Fact]
    public async Task ConversationsOpenAsync_Users_SendsCommaSeparatedIdsAndReturnsDm()
    {
        await using var harness = await WebApiHarness.StartAsync();

        var dm = await harness.Get<ConversationsApi>().OpenAsync(["U1", "U2"]);

        Assert.Equal("D0FAKE", dm.Id);
        Assert.Equal("U1,U2", Assert.Single(harness.Api.Calls, c => c.Method == "conversations.open").Field("users"));
    }

    [Fact]
    public async Task ConversationsCreateAsync_OkExample_ReturnsChannel()
    {
        await using var harness = await WebApiHarness.StartAsync();
        harness.Api.Script("conversations.create", new ScriptedResponse(200, WebApiExamples.Ok("conversations.create")));

        var channel = await harness.Get<ConversationsApi>().CreateAsync("inc-42", isPrivate: true);

        Assert.Equal("C0EAQDV4Z", channel.Id);
        Assert.Equal("true", Assert.Single(harness.Api.Calls).Field("is_private"));
    }

    [Fact]
    public async Task ConversationsCreateAsync_ErrorExample_ThrowsNameTaken()
    {
        await using var harness = await WebApiHarness.StartAsync();
        harness.Api.Script("conversations.create", new ScriptedResponse(200, WebApiExamples.Error("conversations.create")));

        var error = await Assert.ThrowsAsync<SlackApiException>(() => harness.Get<ConversationsApi>().CreateAsync("inc-42"));

        Assert.Equal("name_taken", error.ErrorCode);
    }

    [Fact]
    public async Task ConversationsInviteAsync_OkExample_ReturnsChannel()
    {
        await using var harness = await WebApiHarness.StartAsync();
        harness.Api.Script("conversations.invite", new ScriptedResponse(200, WebApiExamples.Ok("conversations.invite")));

        var channel = await harness.Get<ConversationsApi>().InviteAsync("C012AB3CD", ["U1", "U2"]);

        Assert.Equal("C012AB3CD", channel.Id);
        Assert.Equal("U1,U2", Assert.Single(harness.Api.Calls).Field("users"));
    }

    [Fact]
    public async Task ConversationsInviteAsync_ErrorExample_ThrowsWithCode()
    {
        await using var harness = await WebApiHarness.StartAsync();
        harness.Api.Script("conversations.invite", new ScriptedResponse(200, WebApiExamples.Error("conversations.invite")));

        var error = await Assert.ThrowsAsync<SlackApiException>(() => harness.Get<ConversationsApi>().InviteAsync("C1", ["U1"]));

        Assert.Equal("method_not_supported_for_channel_type", error.ErrorCode);
    }

    [Fact]
    public async Task UsersInfoAsync_OkExample_ReturnsUser()
    {
        await using var harness = await WebApiHarness.StartAsync();
        harness.Api.Script("users.info", new ScriptedResponse(200, WebApiExamples.Ok("users.info")));

        var user = await harness.Get<UsersApi>().InfoAsync("W012A3CDE");

        Assert.NotNull(user);
        Assert.Equal("W012A3CDE", user.Id);
        Assert.Equal("spengler", user.Name);
        Assert.False(user.IsBot);
    }

    [Fact]
    public async Task UsersInfoAsync_UserNotFound_ReturnsNull()
    {
        await using var harness = await WebApiHarness.StartAsync();
        harness.Api.Script("users.info", new ScriptedResponse(200, WebApiExamples.Error("users.info")));

        var user = await harness.Get<UsersApi>().InfoAsync("U404");

        Assert.Null(user);
    }

    [Fact]
    public async Task ViewsOpenAsync_TriggerAndView_SentAndViewIdReturned()
    {
        await using var harness = await WebApiHarness.StartAsync();
        var view = new JsonObject { ["type"] = "modal", ["callback_id"] = "phase_dialog" };

        var opened = await harness.Get<ViewsApi>().OpenAsync("trigger-1", view);

        var call = Assert.Single(harness.Api.Calls);
        Assert.Equal(new SlackViewRef("V0FAKE", "h1"), opened);
        Assert.Equal("trigger-1", call.Field("trigger_id"));
        Assert.Equal("phase_dialog", call.Json["view"]!["callback_id"]!.ToString());
    }

    [Fact]
    public async Task ViewsUpdateAsync_WithHash_SendsViewIdAndHash()
    {
        await using var harness = await WebApiHarness.StartAsync();

        await harness.Get<ViewsApi>().UpdateAsync("V1", new JsonObject { ["type"] = "modal" }, hash: "h0");

        var call = Assert.Single(harness.Api.Calls);
        Assert.Equal("views.update", call.Method);
        Assert.Equal("V1", call.Field("view_id"));
        Assert.Equal("h0", call.Field("hash"));
    }

    [Fact]
    public async Task ResponseUrlSendAsync_AllowedHost_PostsWithoutBotToken()
    {
        await using var harness = await WebApiHarness.StartAsync();

        await harness.Get<SlackResponseUrlClient>().SendAsync(harness.Api.ResponseUrl("r1"), new JsonObject { ["text"] = "hi" });

        var call = Assert.Single(harness.Api.Calls);
        Assert.Equal("response_url:r1", call.Method);
        Assert.Null(call.Authorization);
    }

    [Fact]
    public async Task ResponseUrlSendAsync_HostNotSlacks_RefusedWithoutCalling()
    {
        await using var harness = await WebApiHarness.StartAsync(s => s.Remove("Slack:ResponseUrlHosts:0"));

        var error = await Assert.ThrowsAsync<SlackApiException>(() =>
            harness.Get<SlackResponseUrlClient>().SendAsync(harness.Api.ResponseUrl("r1"), new JsonObject { ["text"] = "hi" }));

        Assert.Equal("response_url_not_allowed", error.ErrorCode);
        Assert.Empty(harness.Api.Calls);
    }
}
