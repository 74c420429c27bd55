namespace ChatOps.Storage;

/// <summary>Where and how ChatOps keeps its tables.</summary>
public sealed class TableStorageOptions
{
    /// <summary>From <c>ConnectionStrings:Tables</c>; default Azurite (<c>UseDevelopmentStorage=true</c>).</summary>
    public string ConnectionString { get; set; } = "UseDevelopmentStorage=true";

    /// <summary>Prefix of every table name (letters and digits); lets tests and environments share an account.</summary>
    public string TablePrefix { get; set; } = "ChatOps";

    /// <summary>
    /// Per-request network timeout. Kept short so an outage is reported quickly: with the defaults a request that
    /// never answers is given up after 2 × 600 ms plus one 100 ms back-off, so the person hears "storage is
    /// unavailable" within 2 s (Table operations normally answer in tens of milliseconds).
    /// </summary>
    public TimeSpan NetworkTimeout { get; set; } = TimeSpan.FromMilliseconds(600);

    /// <summary>Retries of transient failures by the Azure SDK's own retry policy.</summary>
    public int MaxRetries { get; set; } = 1;

    /// <summary>First back-off of the SDK's exponential retry policy.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>Worst case before a failing storage call gives up: every attempt times out, every back-off is taken at its maximum (jitter included).</summary>
    public TimeSpan GiveUpAfter =>
        (NetworkTimeout * (MaxRetries + 1)) + Enumerable.Range(0, MaxRetries).Aggregate(TimeSpan.Zero, (sum, n) => sum + Min(RetryDelay * Math.Pow(2, n) * 1.2, MaxRetryDelay));

    /// <summary>
    /// How long an idempotency claim (a Slack <c>event_id</c>, a Teams activity id) stands. Platforms redeliver within
    /// minutes (Slack: three retries within about an hour), so a day is ample; an older claim is taken over.
    /// </summary>
    public TimeSpan IdempotencyClaimLifetime { get; set; } = TimeSpan.FromDays(1);

    /// <summary>Longest back-off between two attempts.</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The Azure SDK's retry settings from these options, for the table and the queue clients alike.</summary>
    public void ApplyTo(Azure.Core.RetryOptions retry)
    {
        ArgumentNullException.ThrowIfNull(retry);
        retry.MaxRetries = MaxRetries;
        retry.Mode = Azure.Core.RetryMode.Exponential;
        retry.Delay = RetryDelay;
        retry.MaxDelay = MaxRetryDelay;
        retry.NetworkTimeout = NetworkTimeout;
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;
}
