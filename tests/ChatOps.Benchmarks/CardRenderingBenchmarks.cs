using System.Text.Json;
using System.Text.Json.Nodes;
using BenchmarkDotNet.Attributes;
using ChatOps.Cards.Slack;
using ChatOps.Cards.Teams;
using ChatOps.Cards.Tests.Support;
using ChatOps.Core.Views;

namespace ChatOps.Benchmarks;

/// <summary>Rendering realistic views to Adaptive Card and Block Kit JSON (and serializing it, as a reply does).</summary>
[MemoryDiagnoser]
public class CardRenderingBenchmarks
{
    private readonly View _summary = ViewSamples.Summary();
    private readonly View _approval = ViewSamples.Approval();
    private readonly View _help = ViewSamples.Help();

    [Benchmark]
    public string AdaptiveCard_Summary() => AdaptiveCardRenderer.Render(_summary).ToJsonString();

    [Benchmark]
    public string AdaptiveCard_Approval() => AdaptiveCardRenderer.Render(_approval).ToJsonString();

    [Benchmark]
    public JsonObject AdaptiveCard_Help() => AdaptiveCardRenderer.Render(_help);

    [Benchmark]
    public BlockKitMessage BlockKit_Summary() => BlockKitRenderer.Render(_summary);

    [Benchmark]
    public BlockKitMessage BlockKit_Approval() => BlockKitRenderer.Render(_approval);

    [Benchmark]
    public BlockKitMessage BlockKit_Help() => BlockKitRenderer.Render(_help);
}
