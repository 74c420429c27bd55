namespace ChatOps.Bot.Ci;

/// <summary>
/// CI runs as test evidence (issue 20): the hosts whose links are read, and how long the bot keeps trying an API that
/// fails or throttles before it tells the asker that nothing was recorded.
/// </summary>
public sealed class CiOptions
{
    public const string Section = "Ci";

    public Dictionary<string, CiHostOptions> Hosts { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>First back-off of the retries (exponential, with jitter); a <c>Retry-After</c> is honoured instead.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Retries after the first attempt of each API call (429, 5xx, timeouts, transport failures).</summary>
    public int MaxRetries { get; set; } = 3;

    /// <summary>One attempt's limit.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>One API call's limit, retries and waits included: the asker is waiting in the chat.</summary>
    public TimeSpan TotalTimeout { get; set; } = TimeSpan.FromSeconds(30);
}
