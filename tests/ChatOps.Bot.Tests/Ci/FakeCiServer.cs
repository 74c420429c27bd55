using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace ChatOps.Bot.Tests.Ci;

/// <summary>
/// A local GitHub REST and Azure DevOps Build API on Kestrel (127.0.0.1): serves the documented-shape fixtures in
/// Ci/TestData for any run or build id, records every request with the headers the bot sent, and answers from a script
/// first (e.g. 429 with Retry-After, 500). <see cref="GitHubRun"/>/<see cref="AzureBuild"/> change the served run.
/// </summary>
internal sealed class FakeCiServer : IAsyncDisposable
{
    private readonly ConcurrentQueue<CiRequest> _requests = new();
    private readonly ConcurrentQueue<(int Status, string? RetryAfter)> _script = new();
    private LocalServer _server = null!;

    public Uri ApiUrl => _server.BaseAddress;

    public IReadOnlyList<CiRequest> Requests => [.. _requests];

    /// <summary>The workflow run served (Get a workflow run); tests change status, conclusion, head_sha.</summary>
    public JsonObject GitHubRun { get; } = Fixture("github-run.json");

    public JsonObject GitHubArtifacts { get; } = Fixture("github-artifacts.json");

    public JsonObject AzureBuild { get; } = Fixture("azdo-build.json");

    public JsonObject AzureArtifacts { get; } = Fixture("azdo-artifacts.json");

    public static async Task<FakeCiServer> StartAsync()
    {
        var fake = new FakeCiServer();
        fake._server = await LocalServer.StartAsync(app => app.Run(fake.HandleAsync));
        return fake;
    }

    /// <summary>The next <paramref name="times"/> requests get <paramref name="status"/> (with Retry-After when given).</summary>
    public void Fail(int status, int times = 1, string? retryAfter = null)
    {
        for (var i = 0; i < times; i++)
            _script.Enqueue((status, retryAfter));
    }

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    private async Task HandleAsync(HttpContext http)
    {
        var request = http.Request;
        _requests.Enqueue(new CiRequest(request.Method, request.Path + request.QueryString, request.Headers.Authorization.ToString(),
            request.Headers.Accept.ToString(), request.Headers["X-GitHub-Api-Version"].ToString(), request.Headers.UserAgent.ToString()));
        if (_script.TryDequeue(out var failure))
        {
            if (failure.RetryAfter is not null)
                http.Response.Headers.RetryAfter = failure.RetryAfter;
            http.Response.StatusCode = failure.Status;
            await http.Response.WriteAsJsonAsync(new { message = "scripted failure" });
            return;
        }

        var path = request.Path.Value ?? "";
        var body = path switch
        {
            _ when path.StartsWith("/repos/", StringComparison.Ordinal) && path.EndsWith("/artifacts", StringComparison.Ordinal) => GitHubArtifacts,
            _ when path.StartsWith("/repos/", StringComparison.Ordinal) && path.Contains("/actions/runs/", StringComparison.Ordinal) => GitHubRun,
            _ when path.Contains("/_apis/build/builds/", StringComparison.Ordinal) && path.EndsWith("/artifacts", StringComparison.Ordinal) => AzureArtifacts,
            _ when path.Contains("/_apis/build/builds/", StringComparison.Ordinal) => AzureBuild,
            _ => null,
        };
        if (body is null)
        {
            http.Response.StatusCode = StatusCodes.Status404NotFound;
            await http.Response.WriteAsJsonAsync(new { message = "Not Found", status = "404" });
            return;
        }

        http.Response.ContentType = "application/json; charset=utf-8";
        await http.Response.WriteAsync(body.ToJsonString());
    }

    private static JsonObject Fixture(string name) =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Ci", "TestData", name)))!.AsObject();
}

/// <summary>One request the fake CI API received, with the headers that carry credentials and API versions.</summary>
internal sealed record CiRequest(string Method, string PathAndQuery, string Authorization, string Accept, string GitHubApiVersion, string UserAgent)
{
    public string Path => PathAndQuery.Split('?')[0];

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Method} {PathAndQuery}");
}
