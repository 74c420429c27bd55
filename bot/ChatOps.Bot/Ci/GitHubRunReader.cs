using System.Globalization;
using System.Text.Json.Nodes;
using ChatOps.Core.Ci;
using ChatOps.Core.Incidents;

namespace ChatOps.Bot.Ci;

/// <summary>
/// A GitHub Actions run: "Get a workflow run" (or "Get a workflow run attempt" for an <c>/attempts/N</c> link) for
/// <c>status</c>, <c>conclusion</c>, <c>head_sha</c> and <c>run_attempt</c>, then "List workflow run artifacts" for
/// <c>artifacts[].name</c> and <c>digest</c> (docs.github.com/rest/actions, API version 2022-11-28).
/// </summary>
internal static class GitHubRunReader
{
    /// <summary>GitHub's page size limit; a run with more artifacts is read by its first 100.</summary>
    public const int ArtifactPage = 100;

    public static async Task<CiRunLookup> ReadAsync(CiApiClient api, CiRunLink link, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var runPath = link.Attempt is { } attempt ? string.Create(CultureInfo.InvariantCulture, $"{link.ApiPath}/attempts/{attempt}") : link.ApiPath;
        var run = await api.GetJsonAsync(link, runPath, cancellationToken);
        var status = Text(run, "status") ?? throw new CiApiException($"{link.HostName} answered without the run's status");
        if (status != "completed")
        {
            return CiRunLookup.Unfinished($"The run {link.Url} is not finished yet (GitHub says '{status}'); nothing was recorded. Run the same command again when it has completed.");
        }

        var conclusion = Text(run, "conclusion") ?? "unknown";
        var list = await api.GetJsonAsync(link, string.Create(CultureInfo.InvariantCulture, $"{link.ApiPath}/artifacts?per_page={ArtifactPage}"), cancellationToken);
        var artifacts = (list["artifacts"] as JsonArray ?? throw new CiApiException($"{link.HostName} answered the artifact list without 'artifacts'"))
            .OfType<JsonObject>()
            .Select(a => new CiArtifact(Text(a, "name") ?? "(unnamed)", Text(a, "digest") is { } d ? ArtifactDigest.Normalize(d) : null))
            .ToList();
        var runAttempt = run["run_attempt"] is JsonValue v && v.TryGetValue<int>(out var n) ? n : (int?)null;
        return CiRunLookup.Found(new CiRunFacts(CiProviders.GitHub, link.Url, conclusion, conclusion == "success", Text(run, "head_sha"), runAttempt, artifacts, now));
    }

    private static string? Text(JsonNode node, string property) =>
        node[property] is JsonValue value && value.TryGetValue<string>(out var text) && text.Length > 0 ? text : null;
}
