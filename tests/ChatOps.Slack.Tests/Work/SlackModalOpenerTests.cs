using System.Text.Json.Nodes;
using ChatOps.Slack.Inbound;
using ChatOps.Slack.Tests.Api;
using ChatOps.Slack.Wire;
using ChatOps.Slack.Work;

namespace ChatOps.Slack.Tests.Work;

public sealed class SlackModalOpenerTests
{
    private static readonly SlackReplyTarget Click = new("T1", "C1", "U1", MessageChannelId: "C1", MessageTs: "1700000000.000100");

    private static JsonObject RejectModal => new()
    {
        ["type"] = "modal",
        ["callback_id"] = "approval.reject",
        ["private_metadata"] = """{"incidentId":"INC-7","approvalId":"A1","version":"3"}""",
    };

    [Fact]
    public async Task OpenAsync_RejectModal_AddsConversationAndMessageToMetadata()
    {
        await using var harness = await WebApiHarness.StartAsync();

        await harness.Get<SlackModalOpener>().OpenAsync("trigger-1", RejectModal, Click);

        var call = Assert.Single(harness.Api.Calls);
        Assert.Equal("views.open", call.Method);
        var metadata = JsonNode.Parse(call.Json["view"]!["private_metadata"]!.ToString())!;
        Assert.Equal("INC-7", metadata["incidentId"]!.ToString());
        Assert.Equal("C1", metadata["channel_id"]!.ToString());
        Assert.Equal("1700000000.000100", metadata["message_ts"]!.ToString());
    }

    [Fact]
    public void WithContext_MetadataNotJson_Throws()
    {
        var modal = new JsonObject { ["type"] = "modal", ["private_metadata"] = "not json" };

        Assert.Throws<ArgumentException>(() => SlackModalOpener.WithContext(modal, Click));
    }

    [Fact]
    public void FromViewSubmission_ModalOpenedByOpener_RejectsWithReasonAndUpdatesTheCard()
    {
        var opened = SlackModalOpener.WithContext(RejectModal, Click);
        var state = JsonNode.Parse("""{"reason":{"reason":{"type":"plain_text_input","value":"tests failed"}}}""")!.AsObject();
        var body = SlackPayloads.ViewSubmission("V1", opened["private_metadata"]!.ToString(), state);
        using var document = InteractionPayload.Parse(body);
        var payload = InteractionPayload.Deserialize<ViewSubmissionPayload>(document) with
        {
            View = InteractionPayload.Deserialize<ViewSubmissionPayload>(document).View! with { CallbackId = "approval.reject" },
        };

        var item = SlackCommandFactory.FromViewSubmission(payload);

        var action = item.Command.Action!;
        Assert.Equal("approval.reject", action.Verb);
        Assert.Equal("tests failed", action.Get("reason"));
        Assert.Equal("A1", action.Get("approvalId"));
        Assert.Null(action.Get("message_ts"));
        Assert.Equal("1700000000.000100", item.Target.MessageTs);
        Assert.Equal("C1", item.Target.MessageChannelId);
    }
}
