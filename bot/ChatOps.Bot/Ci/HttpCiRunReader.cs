using System.Net;
using ChatOps.Core.Ci;
using Microsoft.Extensions.Options;
using Polly.Timeout;

namespace ChatOps.Bot.Ci;

/// <summary>
/// Reads a run link over the configured CI hosts' APIs. A link on no configured host is refused before any request,
/// naming the hosts that are configured; an API that still fails after the resilience handler's retries, or answers
/// with something unexpected, becomes a message for the asker. Tokens never reach a message or a log line.
/// </summary>
internal sealed class HttpCiRunReader(IHttpClientFactory clients, IOptions<CiOptions> options, TimeProvider time, ILogger<HttpCiRunReader> logger) : ICiRunReader
{
    public async Task<CiRunLookup> ReadAsync(string url, CancellationToken cancellationToken)
    {
        var hosts = options.Value.Hosts;
        if (hosts.Count == 0)
        {
            return CiRunLookup.Refuse(UnconfiguredCiRunReader.Message);
        }

        if (!Uri.TryCreate(url, UriKind.Absolute, out var link) || hosts.FirstOrDefault(h => CiRunLink.IsOn(h.Value, link)) is not { Value: not null } host)
        {
            var configured = string.Join(", ", hosts.OrderBy(h => h.Key, StringComparer.Ordinal).Select(h => $"{h.Value.BaseUrl?.AbsoluteUri.TrimEnd('/')} ({h.Value.Kind})"));
            return CiRunLookup.Refuse($"The bot reads runs only from its configured CI hosts: {configured}. {Shown(url)} is not on one of them; nothing was recorded.");
        }

        if (CiRunLink.Parse(host.Key, host.Value, link, out var error) is not { } run)
        {
            return CiRunLookup.Refuse(error + "; nothing was recorded.");
        }

        try
        {
            // A client per read, so the factory's handler rotation applies although this reader is a singleton.
            var api = new CiApiClient(clients.CreateClient(nameof(CiApiClient)));
            var now = time.GetUtcNow();
            return host.Value.Kind == CiKind.GitHub
                ? await GitHubRunReader.ReadAsync(api, run, now, cancellationToken)
                : await AzureDevOpsRunReader.ReadAsync(api, run, now, cancellationToken);
        }
        catch (CiApiException e)
        {
            Log.CiRunUnreadable(logger, run.HostName, run.RunId, e.Status, e.Message);
            return Unreadable(run, e.Message);
        }
        catch (TimeoutRejectedException)
        {
            Log.CiRunUnreadable(logger, run.HostName, run.RunId, null, "timed out");
            return Unreadable(run, $"{run.HostName} did not answer in time, retries included");
        }
        catch (HttpRequestException e)
        {
            Log.CiRunUnreadable(logger, run.HostName, run.RunId, e.StatusCode, e.HttpRequestError.ToString());
            return Unreadable(run, $"{run.HostName} could not be reached ({e.HttpRequestError})");
        }
    }

    private static CiRunLookup Unreadable(CiRunLink run, string why) =>
        CiRunLookup.Failed($"Could not read the run {run.Url}: {why}. Nothing was recorded; try again later, or record a typed result with --evidence.");

    private static string Shown(string url) => url.Length > 200 ? url[..200] + "…" : url;
}
