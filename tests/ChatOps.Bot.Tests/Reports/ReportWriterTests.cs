using System.Text.Json.Nodes;
using ChatOps.Bot.Reports;
using ChatOps.Core.Decisions;
using ChatOps.Core.Reports;
using ChatOps.Testing;
using Json.Schema;

namespace ChatOps.Bot.Tests.Reports;

/// <summary>The host's Markdown and JSON writers over reports that Core built from scenarios run through the dispatcher.</summary>
public sealed class ReportWriterTests : IDisposable
{
    private readonly WorkflowHarness _h = new(settings: EmergencyPatchScenario.Settings);

    [Fact]
    public async Task Markdown_FullScenario_ShowsEveryDecisionInOrder()
    {
        await EmergencyPatchScenario.RunAsync(_h);
        var (incident, records) = await EmergencyPatchScenario.LoadAsync(_h);

        var markdown = MarkdownReportWriter.Write(IncidentReportBuilder.Build(incident, records, _h.Time.GetUtcNow()));

        var decisions = markdown[markdown.IndexOf("## Decisions", StringComparison.Ordinal)..markdown.IndexOf("## Approvals", StringComparison.Ordinal)];
        var position = 0;
        foreach (var record in records)
        {
            var row = $"| {record.Sequence} | {record.At.UtcDateTime:yyyy-MM-dd HH:mm:ss} | {record.Actor.DisplayName} ({record.Actor.UserId}) | {RecordText.What(record, incident).Replace("|", "\\|", StringComparison.Ordinal)} |";
            var found = decisions.IndexOf(row, position, StringComparison.Ordinal);
            Assert.True(found >= 0, $"record {record.Sequence} missing or out of order: {row}");
            position = found;
        }

        Assert.Contains("What was the root cause?** Internet-facing Exchange was two CUs behind", markdown, StringComparison.Ordinal);
        Assert.Contains("| A1 | Dan (29:dan) | 2026-12-15 | automate CU rollout |", markdown, StringComparison.Ordinal);
        Assert.Contains("Time to contain: 0h 41m 0s", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Json_FullScenario_ValidatesAgainstThePublishedSchema()
    {
        await EmergencyPatchScenario.RunAsync(_h);
        var (incident, records) = await EmergencyPatchScenario.LoadAsync(_h);

        var json = JsonReportWriter.Write(IncidentReportBuilder.Build(incident, records, _h.Time.GetUtcNow()));

        AssertValid(JsonNode.Parse(json));
        Assert.Equal("1.3", JsonNode.Parse(json)!["schemaVersion"]!.GetValue<string>());
    }

    [Fact]
    public async Task Json_WrongShape_IsRejectedByTheSchema()
    {
        await EmergencyPatchScenario.RunAsync(_h);
        var (incident, records) = await EmergencyPatchScenario.LoadAsync(_h);
        var json = JsonNode.Parse(JsonReportWriter.Write(IncidentReportBuilder.Build(incident, records, _h.Time.GetUtcNow())))!;

        json["decisions"]![0]!.AsObject().Remove("actor");

        Assert.False(Schema().Evaluate(json).IsValid);
    }

    [Fact]
    public async Task Markdown_AfterAVerify_HasTheMonitoringSectionAndTimeToVerify()
    {
        using var s = new AlertScenario();

        var markdown = MarkdownReportWriter.Write(await s.KeptAlertThenVerifiedReportAsync());

        Assert.Contains("## Monitoring", markdown, StringComparison.Ordinal);
        Assert.Contains("| KB1 | mail01 | 2026-11-27 22:00:00 | 2026-11-27 22:30:00 | 0h 30m 0s | 1 | 0 | 1 | 0 |", markdown, StringComparison.Ordinal);
        Assert.Contains("Time to verify (deployment start to first system verified): 0h 30m 0s", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Json_AfterAVerify_ValidatesAgainstTheSchemaWithMonitoring()
    {
        using var s = new AlertScenario();

        var json = JsonNode.Parse(JsonReportWriter.Write(await s.KeptAlertThenVerifiedReportAsync()));

        AssertValid(json);
        Assert.Equal(1800, json!["metrics"]!["timeToVerifySeconds"]!.GetValue<long>());
        Assert.Equal(2, json["monitoring"]!.AsArray().Count);
    }

    [Fact]
    public async Task Markdown_SkippedPhases_ShowThemSkippedWithTheItemsTickedByTheWork()
    {
        using var h = new WorkflowHarness();
        await h.SayAsync("declare \"x\" --systems mail01");
        await h.SayAsync("phase review --skip \"drill: only the review is practised\"");
        var incident = (await h.Storage.Incidents.GetAsync(WorkflowHarness.Tenant, "INC-2026-0001"))!.Incident;
        var records = await h.Storage.Incidents.GetDecisionsAsync(WorkflowHarness.Tenant, incident.Id);

        var markdown = MarkdownReportWriter.Write(IncidentReportBuilder.Build(incident, records, h.Time.GetUtcNow()));

        Assert.Contains("### contain (skipped)", markdown, StringComparison.Ordinal);
        Assert.Contains("- [x] Identify affected systems and their owners — ticked by", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("checklist item scope", markdown, StringComparison.Ordinal);
    }

    public void Dispose() => _h.Dispose();

    private static JsonSchema Schema() => JsonSchema.FromFile(Path.Combine(AppContext.BaseDirectory, "TestData", "report.schema.json"));

    private static void AssertValid(JsonNode? json)
    {
        var result = Schema().Evaluate(json, new EvaluationOptions { OutputFormat = OutputFormat.List, RequireFormatValidation = true });
        Assert.True(result.IsValid, string.Join("\n", result.Details.Where(d => d.HasErrors).Select(d => $"{d.InstanceLocation}: {string.Join("; ", d.Errors!.Values)}")));
    }
}
