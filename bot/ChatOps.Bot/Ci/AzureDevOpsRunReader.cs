using System.Text.Json.Nodes;
using ChatOps.Core.Ci;

namespace ChatOps.Bot.Ci;

/// <summary>
/// An Azure Pipelines build: "Builds - Get" for <c>status</c>, <c>result</c> (succeeded, partiallySucceeded, failed,
/// canceled) and <c>sourceVersion</c>, then "Artifacts - List" for <c>value[].name</c>
/// (learn.microsoft.com/rest/api/azure/devops/build, api-version 7.1). Azure DevOps reports no artifact digest, so a
/// patch that names one cannot be matched against a build (the test is then recorded as failed, saying why).
/// </summary>
internal static class AzureDevOpsRunReader
{
    public const string ApiVersion = "7.1";

    public static async Task<CiRunLookup> ReadAsync(CiApiClient api, CiRunLink link, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var build = await api.GetJsonAsync(link, $"{link.ApiPath}?api-version={ApiVersion}", cancellationToken);
        var status = Text(build, "status") ?? throw new CiApiException($"{link.HostName} answered without the build's status");
        if (status != "completed")
        {
            return CiRunLookup.Unfinished($"The build {link.Url} is not finished yet (Azure DevOps says '{status}'); nothing was recorded. Run the same command again when it has completed.");
        }

        var result = Text(build, "result") ?? "none";
        var list = await api.GetJsonAsync(link, $"{link.ApiPath}/artifacts?api-version={ApiVersion}", cancellationToken);
        var artifacts = (list["value"] as JsonArray ?? throw new CiApiException($"{link.HostName} answered the artifact list without 'value'"))
            .OfType<JsonObject>()
            .Select(a => new CiArtifact(Text(a, "name") ?? "(unnamed)", null))
            .ToList();
        return CiRunLookup.Found(new CiRunFacts(CiProviders.AzureDevOps, link.Url, result, result == "succeeded", Text(build, "sourceVersion"), null, artifacts, now));
    }

    private static string? Text(JsonNode node, string property) =>
        node[property] is JsonValue value && value.TryGetValue<string>(out var text) && text.Length > 0 ? text : null;
}
