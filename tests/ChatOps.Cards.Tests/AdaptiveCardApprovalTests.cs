using System.Text.Json.Nodes;
using ChatOps.Cards.Teams;
using ChatOps.Cards.Tests.Support;
using ChatOps.Core.Views;

namespace ChatOps.Cards.Tests;

/// <summary>Teams approvals: approvers get buttons through refresh.userIds; everyone else sees the status.</summary>
public class AdaptiveCardApprovalTests
{
    [Fact]
    public void Render_PendingWithoutViewer_HasRefreshForApproversAndNoButtons()
    {
        var card = AdaptiveCardRenderer.Render(ViewSamples.Approval());

        Assert.Equal(["Action.OpenUrl"], card["actions"]!.AsArray().Select(a => a!["type"]!.GetValue<string>()));
        Assert.Equal(CardVerbs.ApprovalRefresh, card["refresh"]!["action"]!["verb"]!.GetValue<string>());
        Assert.Equal(ViewSamples.Approvers, card["refresh"]!["userIds"]!.AsArray().Select(u => u!.GetValue<string>()));
        Assert.Equal("apr-3", card["refresh"]!["action"]!["data"]!["approvalId"]!.GetValue<string>());
    }

    [Fact]
    public void Render_PendingForApprover_HasApproveAndRejectWithReason()
    {
        var card = AdaptiveCardRenderer.Render(ViewSamples.Approval(), new RenderOptions(ViewSamples.Approvers[1]));

        var actions = card["actions"]!.AsArray();
        Assert.Equal(CardVerbs.ApprovalApprove, actions[0]!["verb"]!.GetValue<string>());
        Assert.Equal("Action.ShowCard", actions[1]!["type"]!.GetValue<string>());
        var form = actions[1]!["card"]!;
        Assert.Equal(CardDataKeys.Reason, form["body"]![0]!["id"]!.GetValue<string>());
        Assert.True(form["body"]![0]!["isRequired"]!.GetValue<bool>());
        Assert.Equal(CardVerbs.ApprovalReject, form["actions"]![0]!["verb"]!.GetValue<string>());
        Assert.Equal("12", form["actions"]![0]!["data"]!["version"]!.GetValue<string>());
        Assert.NotNull(card["refresh"]);
    }

    [Fact]
    public void Render_PendingForNonApprover_IsTheStatusCard()
    {
        var view = ViewSamples.Approval();

        var card = AdaptiveCardRenderer.Render(view, new RenderOptions("29:someone-else"));

        Assert.True(JsonNode.DeepEquals(AdaptiveCardRenderer.Render(view), card));
    }

    [Theory]
    [InlineData(ApprovalCardStatus.Approved)]
    [InlineData(ApprovalCardStatus.Rejected)]
    [InlineData(ApprovalCardStatus.Expired)]
    public void Render_Decided_ShowsWhoAndWhenWithoutButtonsOrRefresh(ApprovalCardStatus status)
    {
        var card = AdaptiveCardRenderer.Render(ViewSamples.Approval(status), new RenderOptions(ViewSamples.Approvers[0]));

        Assert.Empty(EmittedVerbs.InAdaptiveCard(card));
        Assert.Null(card["refresh"]);
        Assert.Contains("by Bob Ortiz at 2026-11-28 21:30 UTC", JsonText.Readable(card), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("javascript:alert(1)")]
    [InlineData("not a url")]
    [InlineData("file:///etc/passwd")]
    public void Render_EvidenceUrlNotHttp_HasNoLinkButton(string url)
    {
        var view = ViewSamples.Approval() with { Evidence = new TestEvidenceLine("staging", url, null, Linkable: true) };

        var card = AdaptiveCardRenderer.Render(view);

        Assert.Null(card["actions"]);
    }

    [Fact]
    public void Render_EvidenceOnAHostThePolicyDoesNotTrust_HasNoLinkButtonButShowsTheLink()
    {
        var view = ViewSamples.Approval() with { Evidence = new TestEvidenceLine("staging", "https://evil.example/run", null, Linkable: false) };

        var card = AdaptiveCardRenderer.Render(view);

        Assert.DoesNotContain("Open test evidence", card.ToJsonString(), StringComparison.Ordinal);
        Assert.Contains("https://evil.example/run", JsonText.Readable(card), StringComparison.Ordinal);
    }

    [Fact]
    public void Render_EvidenceOnATrustedHost_HasTheLinkButton()
    {
        var view = ViewSamples.Approval() with { Evidence = new TestEvidenceLine("staging", "https://ci.example.com/runs/1", null, Linkable: true) };

        var card = AdaptiveCardRenderer.Render(view);

        Assert.Contains("Open test evidence", card.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Render_Rejected_ShowsTheReason()
    {
        var json = JsonText.Readable(AdaptiveCardRenderer.Render(ViewSamples.Approval(ApprovalCardStatus.Rejected)));

        Assert.Contains("Reason: Rollback plan untested", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_MoreThan60Approvers_RefreshListsTheFirst60()
    {
        var view = ViewSamples.Approval() with { ApproverUserIds = ViewSamples.Many("29:u", 75) };

        var card = AdaptiveCardRenderer.Render(view);

        Assert.Equal(TeamsLimits.RefreshUserIds, card["refresh"]!["userIds"]!.AsArray().Count);
    }
}
