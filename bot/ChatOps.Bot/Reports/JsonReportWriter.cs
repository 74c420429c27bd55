using System.Text.Json;
using ChatOps.Core.Reports;

namespace ChatOps.Bot.Reports;

/// <summary>The report for tools: camelCase JSON, nulls written out, shape in docs/report.schema.json.</summary>
public static class JsonReportWriter
{
    public const string ContentType = "application/json";

    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static string Write(IncidentReport report) => JsonSerializer.Serialize(report, Options);
}
