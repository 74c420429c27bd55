using Microsoft.Extensions.Options;

namespace ChatOps.Bot.Ci;

/// <summary>Start-up refuses a CI host that could not be read or would send its token somewhere unsafe; each message names the setting.</summary>
internal sealed class CiOptionsValidator : IValidateOptions<CiOptions>
{
    private static readonly TimeSpan MinimumTimeout = TimeSpan.FromMilliseconds(10);

    public ValidateOptionsResult Validate(string? name, CiOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        foreach (var (host, value) in options.Hosts.OrderBy(pair => pair.Key, StringComparer.Ordinal))
        {
            var key = $"{CiOptions.Section}:Hosts:{host}";
            if (value.Kind == CiKind.None)
                failures.Add($"{key}:Kind must be GitHub or AzureDevOps.");
            if (value.BaseUrl is not { IsAbsoluteUri: true } baseUrl || baseUrl.Scheme != Uri.UriSchemeHttps || baseUrl.Query.Length > 0)
                failures.Add($"{key}:BaseUrl must be the https address run links start with, e.g. https://github.com or https://dev.azure.com/ORG.");
            if (value.ApiUrl is not { IsAbsoluteUri: true } apiUrl || !(apiUrl.Scheme == Uri.UriSchemeHttps || (apiUrl.Scheme == Uri.UriSchemeHttp && apiUrl.IsLoopback)))
                failures.Add($"{key}:ApiUrl must be an https address (e.g. https://api.github.com, https://dev.azure.com); plain http only on a loopback address.");
            if (string.IsNullOrWhiteSpace(value.Token))
                failures.Add($"{key}:Token is missing: a GitHub token with Actions: read, or an Azure DevOps PAT with Build (read) (docs/CONNECT.md).");
        }

        // Polly's own ranges: at least one retry, timeouts from 10 ms.
        if (options.MaxRetries is < 1 or > 10)
            failures.Add("Ci:MaxRetries must be between 1 and 10.");
        if (options.RetryDelay < TimeSpan.Zero || options.RetryDelay > TimeSpan.FromMinutes(1))
            failures.Add("Ci:RetryDelay must be between 0 and 1 minute.");
        if (options.AttemptTimeout < MinimumTimeout || options.TotalTimeout < options.AttemptTimeout || options.TotalTimeout > TimeSpan.FromMinutes(5))
            failures.Add("Ci:AttemptTimeout must be at least 10 ms, and Ci:TotalTimeout at least Ci:AttemptTimeout and at most 5 minutes.");
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
