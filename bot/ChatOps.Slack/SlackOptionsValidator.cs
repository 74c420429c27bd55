using Microsoft.Extensions.Options;

namespace ChatOps.Slack;

/// <summary>
/// Start-up check of the <c>Slack</c> section: a value the bot cannot run with stops the host with a message naming the
/// key, instead of being clamped to something that works. The app token has its own check (SocketMode/AppTokenValidation).
/// </summary>
public sealed class SlackOptionsValidator : IValidateOptions<SlackOptions>
{
    public const int MaxWorkerConcurrency = 64;
    public const int MaxQueueCapacity = 10_000;
    public const int MaxRateLimitRetries = 10;

    // Azure Queue Storage hides a message for at most seven days.
    private static readonly TimeSpan MaxVisibilityTimeout = TimeSpan.FromDays(7);

    public ValidateOptionsResult Validate(string? name, SlackOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (!options.ApiBaseUrl.IsAbsoluteUri || options.ApiBaseUrl.Scheme is not ("http" or "https"))
            failures.Add("Slack:ApiBaseUrl must be an absolute http or https URL.");
        if (options.QueueCapacity is < 1 or > MaxQueueCapacity)
            failures.Add($"Slack:QueueCapacity must be between 1 and {MaxQueueCapacity}.");
        if (options.IntakeVisibilityTimeout <= TimeSpan.Zero || options.IntakeVisibilityTimeout > MaxVisibilityTimeout)
            failures.Add("Slack:IntakeVisibilityTimeout must be a positive time span (for example 00:05:00) of at most 7 days.");
        if (options.IntakeMaxAttempts < 1)
            failures.Add("Slack:IntakeMaxAttempts must be 1 or more.");
        if (options.ReplyBacklog is < 1 or > MaxQueueCapacity)
            failures.Add($"Slack:ReplyBacklog must be between 1 and {MaxQueueCapacity}.");
        if (options.WorkerConcurrency is < 1 or > MaxWorkerConcurrency)
            failures.Add($"Slack:WorkerConcurrency must be between 1 and {MaxWorkerConcurrency}.");
        foreach (var (key, value, example) in new[]
        {
            ("IntakePollInterval", options.IntakePollInterval, "00:00:05"),
            ("WorkItemTimeout", options.WorkItemTimeout, "00:02:00"),
        })
        {
            if (value <= TimeSpan.Zero)
                failures.Add($"Slack:{key} must be a positive time span (for example {example}).");
        }

        // Zero turns the pacing off (tests on a fake clock, local fakes); Slack then answers 429s that are retried.
        if (options.ChannelPostInterval < TimeSpan.Zero)
            failures.Add("Slack:ChannelPostInterval must be 00:00:00 (no pacing) or a positive time span (for example 00:00:01).");

        if (options.ChannelPostQueueLimit < 0)
            failures.Add("Slack:ChannelPostQueueLimit must be 0 or more.");
        if (options.RateLimitRetries is < 1 or > MaxRateLimitRetries)
            failures.Add($"Slack:RateLimitRetries must be between 1 and {MaxRateLimitRetries}.");
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
