using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ChatOps.Bot.Ci;

/// <summary>
/// The typed HTTP client of every CI API (retries, <c>Retry-After</c> and timeouts come from its resilience handler,
/// <see cref="CiServiceCollectionExtensions"/>). Each request carries its own host's credentials: GitHub a Bearer token
/// with GitHub's media type, API version and a User-Agent (its API refuses requests without one); Azure DevOps a PAT in
/// Basic auth with an empty user name.
/// </summary>
internal sealed class CiApiClient(HttpClient http)
{
    public const string GitHubApiVersion = "2022-11-28";
    public const string UserAgent = "ChatOps-Bot";

    /// <summary>GETs <paramref name="relative"/> under the host's API address and parses the JSON answer.</summary>
    public async Task<JsonNode> GetJsonAsync(CiRunLink run, string relative, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        var api = run.Host.ApiUrl!.AbsoluteUri.TrimEnd('/') + "/";
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(new Uri(api), relative));
        request.Headers.UserAgent.ParseAdd(UserAgent);
        if (run.Host.Kind == CiKind.GitHub)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", run.Host.Token);
            request.Headers.Accept.ParseAdd("application/vnd.github+json");
            request.Headers.Add("X-GitHub-Api-Version", GitHubApiVersion);
        }
        else
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(":" + run.Host.Token)));
            request.Headers.Accept.ParseAdd("application/json");
        }

        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new CiApiException(Failure(run, response.StatusCode), response.StatusCode);
        }

        try
        {
            return JsonNode.Parse(await response.Content.ReadAsStringAsync(cancellationToken)) ?? throw new JsonException("empty");
        }
        catch (JsonException)
        {
            throw new CiApiException($"{run.HostName} answered with something that is not JSON");
        }
    }

    private static string Failure(CiRunLink run, HttpStatusCode status) => status switch
    {
        HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden =>
            $"{run.HostName} refused the bot's token (HTTP {(int)status}); its token needs {(run.Host.Kind == CiKind.GitHub ? "Actions: read" : "Build (read)")} on the repository or project",
        HttpStatusCode.NotFound => $"{run.HostName} does not know this run, or the bot's token may not see it (HTTP 404)",
        // Azure DevOps answers an expired or wrong PAT with a sign-in redirect rather than 401.
        HttpStatusCode.Redirect or HttpStatusCode.Found or HttpStatusCode.RedirectKeepVerb => $"{run.HostName} redirected to a sign-in page (HTTP {(int)status}): its token is wrong or expired",
        _ => $"{run.HostName} answered HTTP {(int)status} after the bot's retries",
    };
}
