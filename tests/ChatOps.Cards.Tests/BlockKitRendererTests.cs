using System.Text.Json;
using System.Text.Json.Nodes;
using ChatOps.Cards.Slack;
using ChatOps.Cards.Tests.Support;
using ChatOps.Core.Views;

namespace ChatOps.Cards.Tests;

public class BlockKitRendererTests
{
    public static TheoryData<string> Samples => ViewSamples.Names();

    [Theory]
    [MemberData(nameof(Samples))]
    public void Render_EveryView_StaysWithinBlockKitLimits(string sample)
    {
        var message = BlockKitRenderer.Render(ViewSamples.Get(sample));

        Assert.Empty(BlockKitLimitChecker.CheckMessage(message.Text, message.Blocks));
    }

    [Theory]
    [InlineData("approval-pending")]
    [InlineData("approval-huge")]
    [InlineData("approval-empty")]
    public void RenderRejectModal_Approval_IsAValidModalAskingForAReason(string sample)
    {
        var modal = BlockKitRenderer.RenderRejectModal((ApprovalRequestView)ViewSamples.Get(sample));

        Assert.Empty(BlockKitLimitChecker.CheckModal(modal));
        Assert.Equal(CardVerbs.ApprovalReject, modal["callback_id"]!.GetValue<string>());
        var input = modal["blocks"]!.AsArray().Single(b => b!["type"]!.GetValue<string>() == "input")!;
        Assert.Equal(CardDataKeys.Reason, input["block_id"]!.GetValue<string>());
        Assert.Equal(CardDataKeys.Reason, input["element"]!["action_id"]!.GetValue<string>());
    }

    [Fact]
    public void RenderRejectModal_Pending_CarriesApprovalDataInPrivateMetadata()
    {
        var modal = BlockKitRenderer.RenderRejectModal(ViewSamples.Approval());

        var metadata = JsonSerializer.Deserialize<Dictionary<string, string>>(modal["private_metadata"]!.GetValue<string>())!;
        Assert.Equal(new Dictionary<string, string> { ["incidentId"] = "inc-7", ["approvalId"] = "apr-3", ["version"] = "12" }, metadata);
    }

    [Fact]
    public void Render_HostileText_IsEscapedAndVerbatim()
    {
        var message = BlockKitRenderer.Render(new TextView(ViewSamples.Hostile));

        var text = message.Blocks[0]!["text"]!;
        Assert.True(text["verbatim"]!.GetValue<bool>());
        Assert.StartsWith("&lt;!channel&gt; &lt;@U024BE7LH&gt; &lt;https://evil.example|click&gt;", text["text"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.DoesNotContain('\u202E', text["text"]!.GetValue<string>());
        Assert.StartsWith("&lt;!channel&gt;", message.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_EvidenceOnAHostThePolicyDoesNotTrust_IsCodeNotALink()
    {
        var view = ViewSamples.Approval() with { Evidence = new TestEvidenceLine("staging", "https://evil.example/run", null, Linkable: false) };

        var texts = BlockKitRenderer.Render(view).Blocks.Select(block => block?["text"]?["text"]?.GetValue<string>());

        Assert.Contains(texts, text => text?.Contains("Evidence: `https://evil.example/run`", StringComparison.Ordinal) == true);
    }

    [Fact]
    public void Render_PendingApproval_EveryoneSeesApproveAndRejectPrompt()
    {
        var message = BlockKitRenderer.Render(ViewSamples.Approval());

        var buttons = message.Blocks.Last()!["elements"]!.AsArray();
        Assert.Equal([CardVerbs.ApprovalApprove, CardVerbs.ApprovalRejectPrompt], buttons.Select(b => b!["action_id"]!.GetValue<string>()));
        Assert.Equal("""{"incidentId":"inc-7","approvalId":"apr-3","version":"12"}""", buttons[0]!["value"]!.GetValue<string>());
    }

    [Theory]
    [InlineData(ApprovalCardStatus.Approved)]
    [InlineData(ApprovalCardStatus.Rejected)]
    [InlineData(ApprovalCardStatus.Deployed)]
    public void Render_DecidedApproval_ShowsWhoAndWhenWithoutButtons(ApprovalCardStatus status)
    {
        var message = BlockKitRenderer.Render(ViewSamples.Approval(status));

        Assert.Empty(EmittedVerbs.InBlockKit(message.Blocks));
        Assert.Contains("by Bob Ortiz at 2026-11-28 21:30 UTC", JsonText.Readable(message.Blocks), StringComparison.Ordinal);
    }

    [Fact]
    public void Render_Checklist_ItemButtonsCarryIncidentItemAndVersion()
    {
        var message = BlockKitRenderer.Render(ViewSamples.Checklist());

        var buttons = message.Blocks.Select(b => b!["accessory"]).OfType<JsonObject>().ToList();
        Assert.Equal(3, buttons.Count);
        Assert.All(buttons, b => Assert.Equal(CardVerbs.ChecklistToggle, b["action_id"]!.GetValue<string>()));
        Assert.Equal("""{"incidentId":"inc-7","itemId":"c-2","version":"12"}""", buttons[1]["value"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("checklist-huge", "more items not shown")]
    [InlineData("containment-huge", "more actions not shown")]
    [InlineData("decision-log-huge", "more entries on this page not shown")]
    public void Render_ListTooLongForSlack_SaysHowManyMoreWithEllipsis(string sample, string note)
    {
        var message = BlockKitRenderer.Render(ViewSamples.Get(sample));

        var last = JsonText.Readable(message.Blocks);
        Assert.Contains("… and ", last, StringComparison.Ordinal);
        Assert.Contains(note, last, StringComparison.Ordinal);
        Assert.InRange(message.Blocks.Count, 40, 50);
    }

    [Fact]
    public void Render_PatchMatrixWith200Systems_ListsEverySystem()
    {
        var message = BlockKitRenderer.Render(ViewSamples.Get("patch-matrix-200-systems"));

        var lines = message.Blocks.Select(b => b!["text"]?["text"]?.GetValue<string>() ?? string.Empty)
            .SelectMany(t => t.Split('\n'))
            .Count(l => l.StartsWith("• *server&lt;!channel&gt;", StringComparison.Ordinal));
        Assert.Equal(200, lines);
        Assert.DoesNotContain("more systems not shown", JsonText.Readable(message.Blocks), StringComparison.Ordinal);
    }

    [Fact]
    public void Render_DecisionLog_PagingButtonsSitInSeparateBlocks()
    {
        var message = BlockKitRenderer.Render(ViewSamples.Log());

        var actionBlocks = message.Blocks.Where(b => b!["type"]!.GetValue<string>() == "actions").ToList();
        Assert.Equal(2, actionBlocks.Count);
        Assert.Equal("""{"incidentId":"inc-7","page":"1"}""", actionBlocks[0]!["elements"]![0]!["value"]!.GetValue<string>());
        Assert.Equal("""{"incidentId":"inc-7","page":"3"}""", actionBlocks[1]!["elements"]![0]!["value"]!.GetValue<string>());
    }

    [Fact]
    public void Render_ButtonDataOver2000Characters_ThrowsClearError()
    {
        var view = ViewSamples.Checklist() with { IncidentId = new string('i', 2100) };

        var error = Assert.Throws<ArgumentException>(() => BlockKitRenderer.Render(view));

        Assert.Contains("2000", error.Message, StringComparison.Ordinal);
    }
}
