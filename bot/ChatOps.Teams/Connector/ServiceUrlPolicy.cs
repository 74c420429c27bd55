using ChatOps.Teams.Options;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace ChatOps.Teams.Connector;

/// <summary>
/// Where the bot may send its connector token: a <c>serviceUrl</c> on an allowed host (<c>Teams:ServiceUrlHosts</c>,
/// Bot Framework's by default), over https outside Development. Checked when an activity arrives (so no other
/// serviceUrl is ever stored) and again before every connector call (so a stored reference edited later is not
/// followed either). Keyless dev-console calls carry no token and may only go to loopback.
/// </summary>
public sealed class ServiceUrlPolicy(IOptions<TeamsChannelOptions> options, IHostEnvironment? environment = null)
{
    public bool IsAllowed(Uri serviceUrl, bool withToken)
    {
        ArgumentNullException.ThrowIfNull(serviceUrl);
        if (!serviceUrl.IsAbsoluteUri || serviceUrl.Scheme is not ("https" or "http"))
            return false;
        if (!withToken)
            return serviceUrl.IsLoopback;
        if (serviceUrl.Scheme == Uri.UriSchemeHttp && options.Value.RequireHttpsServiceUrl && environment?.IsDevelopment() != true)
            return false;
        var host = serviceUrl.IdnHost;
        return options.Value.EffectiveServiceUrlHosts.Any(pattern => Matches(pattern, host));
    }

    internal static bool Matches(string pattern, string host) =>
        pattern.StartsWith("*.", StringComparison.Ordinal)
            ? host.EndsWith(pattern[1..], StringComparison.OrdinalIgnoreCase) && host.Length > pattern.Length - 1
            : string.Equals(pattern, host, StringComparison.OrdinalIgnoreCase);
}
