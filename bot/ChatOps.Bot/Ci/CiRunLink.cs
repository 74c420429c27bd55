using System.Globalization;
using System.Text.RegularExpressions;

namespace ChatOps.Bot.Ci;

/// <summary>
/// A run link on a configured CI host, taken apart: <c>https://github.com/OWNER/REPO/actions/runs/ID</c> (optionally
/// <c>/attempts/N</c> or <c>/job/N</c>) or <c>https://dev.azure.com/ORG/PROJECT/_build/results?buildId=ID</c>.
/// <see cref="ApiPath"/> is the provider's path of the run without the API host: the owner/repo or org/project part is
/// copied only when every segment is a plain name, so a link cannot steer the token to another API path.
/// </summary>
internal sealed partial record CiRunLink(string HostName, CiHostOptions Host, string Url, string ApiPath, long RunId, int? Attempt)
{
    /// <summary>The link as a run of <paramref name="hostName"/>, or null with the reason it is not one.</summary>
    public static CiRunLink? Parse(string hostName, CiHostOptions host, Uri link, out string? error)
    {
        ArgumentNullException.ThrowIfNull(host);
        ArgumentNullException.ThrowIfNull(link);
        var basePath = host.BaseUrl!.AbsolutePath.TrimEnd('/');
        var rest = link.AbsolutePath[basePath.Length..].Trim('/').Split('/', StringSplitOptions.None);
        error = null;
        // A base address may name the owner or organisation (https://github.com/contoso); the API path needs it back.
        var segments = basePath.Split('/', StringSplitOptions.RemoveEmptyEntries).Concat(rest).ToArray();
        var run = host.Kind == CiKind.GitHub ? GitHub(hostName, host, link, segments) : AzureDevOps(hostName, host, link, segments);
        if (run is null)
        {
            error = host.Kind == CiKind.GitHub
                ? $"{link.AbsoluteUri} is not a GitHub Actions run link; copy it from the run's page: {host.BaseUrl.AbsoluteUri.TrimEnd('/')}/OWNER/REPO/actions/runs/ID"
                : $"{link.AbsoluteUri} is not an Azure Pipelines build link; copy it from the build's page: {host.BaseUrl.AbsoluteUri.TrimEnd('/')}/…/PROJECT/_build/results?buildId=ID";
        }

        return run;
    }

    /// <summary>Whether <paramref name="link"/> starts with the host's base address (scheme, host, port and path).</summary>
    public static bool IsOn(CiHostOptions host, Uri link)
    {
        ArgumentNullException.ThrowIfNull(host);
        ArgumentNullException.ThrowIfNull(link);
        var baseUrl = host.BaseUrl!;
        var basePath = baseUrl.AbsolutePath.TrimEnd('/') + "/";
        return link.Scheme == baseUrl.Scheme && string.Equals(link.IdnHost, baseUrl.IdnHost, StringComparison.OrdinalIgnoreCase)
            && link.Port == baseUrl.Port && (link.AbsolutePath + "/").StartsWith(basePath, StringComparison.OrdinalIgnoreCase);
    }

    private static CiRunLink? GitHub(string hostName, CiHostOptions host, Uri link, string[] rest)
    {
        // OWNER/REPO/actions/runs/ID[/attempts/N | /job/N]
        if (rest.Length is not (5 or 7) || !Name(rest[0]) || !Name(rest[1]) || rest[2] != "actions" || rest[3] != "runs" || !Id(rest[4], out var runId))
            return null;
        int? attempt = null;
        if (rest.Length == 7)
        {
            if (!Id(rest[6], out var n) || rest[5] is not ("attempts" or "job"))
                return null;
            attempt = rest[5] == "attempts" ? (int)Math.Min(n, int.MaxValue) : null;
        }

        var path = string.Create(CultureInfo.InvariantCulture, $"repos/{rest[0]}/{rest[1]}/actions/runs/{runId}");
        return new CiRunLink(hostName, host, link.AbsoluteUri, path, runId, attempt);
    }

    private static CiRunLink? AzureDevOps(string hostName, CiHostOptions host, Uri link, string[] rest)
    {
        // ORG/PROJECT/_build/results?buildId=ID (a server's collection path in place of ORG).
        var build = Array.IndexOf(rest, "_build");
        if (build < 1 || build != rest.Length - 2 || rest[^1] != "results" || !rest[..build].All(Name))
            return null;
        var query = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(link.Query);
        if (!query.TryGetValue("buildId", out var ids) || ids.Count != 1 || !Id(ids[0] ?? "", out var buildId))
            return null;
        var collection = string.Join('/', rest[..build]);
        return new CiRunLink(hostName, host, link.AbsoluteUri, string.Create(CultureInfo.InvariantCulture, $"{collection}/_apis/build/builds/{buildId}"), buildId, null);
    }

    private static bool Name(string segment) => segment is not ("." or "..") && NamePattern().IsMatch(segment);

    private static bool Id(string text, out long id) =>
        long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out id) && id > 0;

    // Letters, digits and the punctuation GitHub and Azure DevOps names use; %20 for spaces in project names, and no
    // other escape, so an escaped slash cannot turn into another API path.
    [GeneratedRegex("^(?:[A-Za-z0-9._~-]|%20){1,100}$")]
    private static partial Regex NamePattern();
}
