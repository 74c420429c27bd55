using System.Text.Json.Nodes;
using ChatOps.Cards.Slack;
using ChatOps.Cards.Teams;
using ChatOps.Cards.Tests.Support;

namespace ChatOps.Cards.Tests;

/// <summary>
/// Each realistic view has a checked-in Teams and Slack rendering under Golden/. When a change is intended,
/// run the tests with UPDATE_GOLDEN=1 and review the diff of the JSON files.
/// </summary>
public class GoldenFileTests
{
    public static TheoryData<string> Samples => ViewSamples.RealisticNames();

    [Theory]
    [MemberData(nameof(Samples))]
    public void Render_RealisticViewForTeams_MatchesGoldenFile(string sample)
    {
        var card = AdaptiveCardRenderer.Render(ViewSamples.Get(sample));

        Golden.AssertMatches($"{sample}.teams.json", card);
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void Render_RealisticViewForSlack_MatchesGoldenFile(string sample)
    {
        var message = BlockKitRenderer.Render(ViewSamples.Get(sample));

        Golden.AssertMatches($"{sample}.slack.json", new JsonObject { ["text"] = message.Text, ["blocks"] = message.Blocks.DeepClone() });
    }

    [Fact]
    public void Render_PendingApprovalForApproverOnTeams_MatchesGoldenFile()
    {
        var card = AdaptiveCardRenderer.Render(ViewSamples.Approval(), new RenderOptions(ViewSamples.Approvers[0]));

        Golden.AssertMatches("approval-pending.approver.teams.json", card);
    }

    [Fact]
    public void RenderRejectModal_PendingApproval_MatchesGoldenFile()
    {
        var modal = BlockKitRenderer.RenderRejectModal(ViewSamples.Approval());

        Golden.AssertMatches("approval-reject-modal.slack.json", modal);
    }

    [Fact]
    public void RenderKeepModal_FiringAlert_MatchesGoldenFile()
    {
        var modal = BlockKitRenderer.RenderKeepModal(ViewSamples.Alert());

        Golden.AssertMatches("alert-keep-modal.slack.json", modal);
    }

    [Fact]
    public void GoldenFolder_EveryFile_IsProducedByATest()
    {
        var expected = ViewSamples.RealisticNameList()
            .SelectMany(n => new[] { $"{n}.teams.json", $"{n}.slack.json" })
            .Append("approval-pending.approver.teams.json")
            .Append("approval-reject-modal.slack.json")
            .Append("alert-keep-modal.slack.json")
            .Order(StringComparer.Ordinal);

        var actual = Directory.GetFiles(Golden.Directory, "*.json").Select(Path.GetFileName).Order(StringComparer.Ordinal);

        Assert.Equal(expected, actual);
    }
}
