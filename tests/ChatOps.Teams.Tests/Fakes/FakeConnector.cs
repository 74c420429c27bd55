using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace ChatOps.Teams.Tests.Fakes;

/// <summary>
/// Local Bot Framework Connector: records every request and answers from a script (e.g. 429 with Retry-After,
/// 503), then 200 with a resource id. Its service URL has a path like Teams' (<c>/amer/</c>).
/// </summary>
public sealed class FakeConnector : IAsyncDisposable
{
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();
    private readonly ConcurrentQueue<(int Status, string? RetryAfter)> _script = new();
    private readonly SemaphoreSlim _received = new(0);
    private LocalServer? _server;
    private int _counter;

    public Uri ServiceUrl => new(_server!.BaseAddress, "amer/");

    public IReadOnlyList<RecordedRequest> Requests => [.. _requests];

    public static async Task<FakeConnector> StartAsync()
    {
        var connector = new FakeConnector();
        connector._server = await LocalServer.StartAsync(app => app.Run(connector.HandleAsync));
        return connector;
    }

    /// <summary>The next request is answered with <paramref name="status"/> (and a Retry-After header, if given).</summary>
    public void Enqueue(int status, string? retryAfter = null) => _script.Enqueue((status, retryAfter));

    /// <summary>Waits until at least <paramref name="count"/> requests arrived (generous timeout for busy CI).</summary>
    public async Task<IReadOnlyList<RecordedRequest>> WaitForRequestsAsync(int count, TimeSpan? timeout = null)
    {
        using var cancel = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(30));
        while (_requests.Count < count)
            await _received.WaitAsync(cancel.Token);
        return Requests;
    }

    private async Task HandleAsync(HttpContext http)
    {
        using var reader = new StreamReader(http.Request.Body);
        var body = await reader.ReadToEndAsync();
        var target = http.Features.Get<IHttpRequestFeature>()!.RawTarget;
        _requests.Enqueue(new RecordedRequest(http.Request.Method, target, http.Request.Headers.Authorization.ToString(), body, DateTimeOffset.UtcNow));
        _received.Release();

        if (_script.TryDequeue(out var scripted))
        {
            http.Response.StatusCode = scripted.Status;
            if (scripted.RetryAfter is not null)
                http.Response.Headers.RetryAfter = scripted.RetryAfter;
            await http.Response.WriteAsync("{\"error\":{\"code\":\"Scripted\",\"message\":\"scripted failure\"}}");
            return;
        }

        var id = Interlocked.Increment(ref _counter).ToString(CultureInfo.InvariantCulture);
        http.Response.ContentType = "application/json";
        await http.Response.WriteAsync(http.Request.Path == "/amer/v3/conversations"
            ? $"{{\"id\":\"a:conversation-{id}\"}}"
            : $"{{\"id\":\"activity-{id}\"}}");
    }

    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
            await _server.DisposeAsync();
        _received.Dispose();
    }
}
