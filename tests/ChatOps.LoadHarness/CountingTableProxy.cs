using System.Collections.Concurrent;
using ChatOps.Teams.Tests.Fakes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace ChatOps.LoadHarness;

/// <summary>
/// A counting reverse proxy in front of Azurite's table endpoint: the bot's connection string points here, so every
/// storage round trip the bot makes is counted (by method and kind) independently of the bot's own telemetry.
/// Table Shared Key signatures cover the path, not the host, so forwarding to another port keeps them valid.
/// </summary>
internal sealed class CountingTableProxy : IAsyncDisposable
{
    private static readonly HashSet<string> HopByHop = new(StringComparer.OrdinalIgnoreCase)
    {
        "Host", "Connection", "Transfer-Encoding", "Keep-Alive", "Upgrade", "Proxy-Connection", "Content-Length",
    };

    private readonly Uri _target;
    private readonly string _accountPath;
    private readonly HttpClient _client = new(new SocketsHttpHandler { UseProxy = false, MaxConnectionsPerServer = 256 }) { Timeout = TimeSpan.FromSeconds(30) };
    private readonly ConcurrentDictionary<string, long> _counts = new(StringComparer.Ordinal);
    private LocalServer? _server;
    private long _total;

    private CountingTableProxy(Uri tableEndpoint)
    {
        _target = new Uri(tableEndpoint.GetLeftPart(UriPartial.Authority));
        _accountPath = tableEndpoint.AbsolutePath.Trim('/');
    }

    /// <summary>The table endpoint to give the bot (same account path as the target).</summary>
    public Uri Endpoint => new(_server!.BaseAddress, _accountPath);

    public long Total => Interlocked.Read(ref _total);

    public IReadOnlyDictionary<string, long> ByKind => new Dictionary<string, long>(_counts, StringComparer.Ordinal);

    public static async Task<CountingTableProxy> StartAsync(Uri tableEndpoint)
    {
        var proxy = new CountingTableProxy(tableEndpoint);
        proxy._server = await LocalServer.StartAsync(app => app.Run(proxy.ForwardAsync));
        return proxy;
    }

    private async Task ForwardAsync(HttpContext http)
    {
        // Forward the target exactly as sent: the signature covers the encoded path (RowKeys hold ':' and '@').
        var raw = http.Features.Get<IHttpRequestFeature>()!.RawTarget;
        var path = raw.Split('?', 2)[0];
        Interlocked.Increment(ref _total);
        _counts.AddOrUpdate(Kind(http.Request.Method, path), 1, (_, n) => n + 1);

        var target = new Uri(_target.GetLeftPart(UriPartial.Authority) + raw, new UriCreationOptions { DangerousDisablePathAndQueryCanonicalization = true });
        using var request = new HttpRequestMessage(new HttpMethod(http.Request.Method), target);
        if (http.Request.ContentLength > 0 || http.Request.Headers.TransferEncoding.Count > 0)
        {
            // Buffered, so it goes on with a Content-Length: Azurite only recognises $batch when it has one.
            using var body = new MemoryStream();
            await http.Request.Body.CopyToAsync(body, http.RequestAborted);
            request.Content = new ByteArrayContent(body.ToArray());
        }
        foreach (var (name, value) in http.Request.Headers)
        {
            if (HopByHop.Contains(name))
                continue;
            if (!request.Headers.TryAddWithoutValidation(name, (IEnumerable<string?>)value))
                request.Content?.Headers.TryAddWithoutValidation(name, (IEnumerable<string?>)value);
        }

        using var response = await _client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, http.RequestAborted);
        http.Response.StatusCode = (int)response.StatusCode;
        foreach (var (name, value) in response.Headers.Concat(response.Content.Headers))
        {
            if (!HopByHop.Contains(name))
                http.Response.Headers[name] = value.ToArray();
        }

        await response.Content.CopyToAsync(http.Response.Body, http.RequestAborted);
    }

    /// <summary>"POST $batch", "GET entity", "GET query", "PUT/MERGE/PATCH entity", "POST insert", "DELETE entity", "table".</summary>
    internal static string Kind(string method, string path)
    {
        if (path.EndsWith("$batch", StringComparison.Ordinal))
            return "POST $batch";
        if (path.EndsWith("/Tables", StringComparison.Ordinal) || path.Contains("/Tables(", StringComparison.Ordinal))
            return method + " table";
        // One entity is addressed as Table(PartitionKey='…',RowKey='…'); a query as Table() or Table.
        var entity = path.EndsWith(')') && !path.EndsWith("()", StringComparison.Ordinal);
        return method switch
        {
            "GET" => entity ? "GET entity" : "GET query",
            "POST" => "POST insert",
            _ => method + (entity ? " entity" : string.Empty),
        };
    }

    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
            await _server.DisposeAsync();
        _client.Dispose();
    }
}
