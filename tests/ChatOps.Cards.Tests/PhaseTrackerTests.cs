using ChatOps.Cards.Slack;
using ChatOps.Cards.Teams;
using ChatOps.Cards.Tests.Support;
using ChatOps.Core.Views;

namespace ChatOps.Cards.Tests;

/// <summary>Issue 16: only a finished phase gets ✅; a skipped or open one says so on both channels.</summary>
public class PhaseTrackerTests
{
    private static readonly System.Text.Json.JsonSerializerOptions Plain = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static IncidentSummaryView Sample() => ViewSamples.Summary() with
    {
        Phases =
        [
            new("assess", PhaseProgress.Done), new("contain", PhaseProgress.Skipped), new("test", PhaseProgress.Open),
            new("implement", PhaseProgress.Current), new("communicate", PhaseProgress.Next),
        ],
    };

    [Fact]
    public void Teams_SkippedAndOpenPhases_AreNotShownAsDone()
    {
        var json = AdaptiveCardRenderer.Render(Sample()).ToJsonString(Plain);

        Assert.Contains("✅ assess", json, StringComparison.Ordinal);
        Assert.Contains("⏭ contain (skipped)", json, StringComparison.Ordinal);
        Assert.Contains("◐ test (open)", json, StringComparison.Ordinal);
        Assert.DoesNotContain("✅ contain", json, StringComparison.Ordinal);
        Assert.DoesNotContain("✅ communicate", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Slack_SkippedAndOpenPhases_AreNotShownAsDone()
    {
        var text = BlockKitRenderer.Render(Sample()).Blocks.ToJsonString(Plain);

        Assert.Contains("⏭ contain (skipped)", text, StringComparison.Ordinal);
        Assert.Contains("◐ test (open)", text, StringComparison.Ordinal);
        Assert.Contains("▶ *implement*", text, StringComparison.Ordinal);
        Assert.DoesNotContain("✅ contain", text, StringComparison.Ordinal);
    }
}
