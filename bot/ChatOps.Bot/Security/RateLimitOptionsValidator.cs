using Microsoft.Extensions.Options;

namespace ChatOps.Bot.Security;

/// <summary>Start-up check of <c>RateLimits:*</c>; each message names the key.</summary>
internal sealed class RateLimitOptionsValidator : IValidateOptions<RateLimitOptions>
{
    public ValidateOptionsResult Validate(string? name, RateLimitOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (options.PermitsPerWindow < 1)
            failures.Add("RateLimits:PermitsPerWindow must be at least 1.");
        if (options.Window <= TimeSpan.Zero)
            failures.Add("RateLimits:Window must be a positive time span (for example 00:01:00).");
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
