using Microsoft.Extensions.Options;

namespace ChatOps.Core.Notifications;

/// <summary>Start-up check of <c>Notifications:*</c>: a value the dispatcher cannot run with stops the process, naming the key.</summary>
internal sealed class NotificationOptionsValidator : IValidateOptions<NotificationOptions>
{
    public const int MaxParallelism = 256;
    public const int MaxAttempts = 100;

    public ValidateOptionsResult Validate(string? name, NotificationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        foreach (var (key, value) in new[] { ("Lease", options.Lease), ("RetryDelay", options.RetryDelay), ("PollInterval", options.PollInterval) })
        {
            if (value <= TimeSpan.Zero)
                failures.Add($"Notifications:{key} must be a positive time span.");
        }

        if (options.MaxAttempts is < 1 or > MaxAttempts)
            failures.Add($"Notifications:MaxAttempts must be between 1 and {MaxAttempts}.");
        if (options.Parallelism is < 1 or > MaxParallelism)
            failures.Add($"Notifications:Parallelism must be between 1 and {MaxParallelism}.");
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
