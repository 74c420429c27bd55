using System.Text.Json;
using System.Text.Json.Nodes;
using ChatOps.Cards.Teams;
using ChatOps.Core.Views;
using ChatOps.Teams.Activities;
using ChatOps.Teams.Schema;

namespace ChatOps.Teams.Tests.Activities;

/// <summary>Plain help's card is written once and goes out as that JSON: the same card as rendering it, unchangeable per reply.</summary>
public sealed class SharedCardReplyTests
{
    private static readonly HelpView Help = new(
    [
        new CommandHelpLine("declare \"TITLE\" [--sev sev1|sev2]", "Declare an incident <here> & now…", null),
        new CommandHelpLine("status", "Show the incident's status", null),
    ]);

    [Fact]
    public void Create_PlainHelp_WiredAsTheRenderedCard()
    {
        var activity = ReplyActivityFactory.Create(Help);

        var wire = JsonNode.Parse(JsonSerializer.SerializeToUtf8Bytes(activity, TeamsJsonContext.Default.Activity))!;

        var attachment = Assert.Single(wire["attachments"]!.AsArray())!;
        Assert.Equal(AdaptiveCardRenderer.ContentType, attachment["contentType"]!.GetValue<string>());
        Assert.True(JsonNode.DeepEquals(AdaptiveCardRenderer.Render(Help), attachment["content"]), attachment["content"]?.ToJsonString());
        Assert.Equal(Help.FallbackText, wire["summary"]!.GetValue<string>());
    }

    [Fact]
    public void Create_PlainHelp_ReplyCannotChangeTheSharedCard()
    {
        var first = ReplyActivityFactory.Create(Help);

        Assert.Throws<InvalidOperationException>(() => first.Attachments![0].Content!.AsObject());
        var second = JsonNode.Parse(JsonSerializer.SerializeToUtf8Bytes(ReplyActivityFactory.Create(Help), TeamsJsonContext.Default.Activity))!;
        Assert.True(JsonNode.DeepEquals(AdaptiveCardRenderer.Render(Help), second["attachments"]![0]!["content"]));
    }

    [Fact]
    public void Create_OtherCard_StillAnObjectToBuildOn()
    {
        var activity = ReplyActivityFactory.Create(new ErrorView("Unknown command 'x'.", "help"));

        Assert.IsType<JsonObject>(activity.Attachments![0].Content);
    }
}
