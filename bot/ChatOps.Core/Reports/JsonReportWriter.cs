using System.Text.Json;

namespace ChatOps.Core.Reports;

/// <summary>The report for tools: camelCase JSON, nulls written out, shape in docs/report.schema.json.</summary>
public static class JsonReportWriter
{
    public const string ContentType = "application/json";

    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static string Write(IncidentReport report) => JsonSerializer.Serialize(report, Options);
}
