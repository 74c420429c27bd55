namespace ChatOps.Testing.Channels.Teams;

/// <summary>
/// Teams' bot API limits as the fake connector enforces them: per conversation (send) 7 per 1 s, 8 per 2 s, 60 per
/// 30 s, 1800 per 3600 s, and 50 requests per second per app per tenant for every call
/// (https://learn.microsoft.com/en-us/microsoftteams/platform/bots/how-to/rate-limit). Exact sliding logs: a request
/// is admitted only if no window, measured back from its arrival, already holds its limit of admitted requests.
/// </summary>
public sealed class TeamsRateLimitRules
{
    public static readonly (int Limit, TimeSpan Window)[] PerConversation =
    [
        (7, TimeSpan.FromSeconds(1)),
        (8, TimeSpan.FromSeconds(2)),
        (60, TimeSpan.FromSeconds(30)),
        (1800, TimeSpan.FromSeconds(3600)),
    ];

    public static readonly (int Limit, TimeSpan Window) Global = (50, TimeSpan.FromSeconds(1));

    private readonly Lock _gate = new();

    /// <summary>Allowance for the time a request spends between the client's limiter and this server (scheduling on a busy machine).</summary>
    public TimeSpan Jitter { get; init; } = TimeSpan.FromMilliseconds(50);
    private readonly Queue<DateTimeOffset> _global = new();
    private readonly Dictionary<string, Queue<DateTimeOffset>> _conversations = new(StringComparer.Ordinal);

    /// <summary>Admits (and records) a request, or returns how long until it would be admitted. Empty conversation: not a send.</summary>
    public TimeSpan? TryAdmit(string conversation, DateTimeOffset now)
    {
        lock (_gate)
        {
            var wait = Wait(_global, Global.Limit, Global.Window, now);
            Queue<DateTimeOffset>? log = null;
            if (conversation.Length > 0)
            {
                log = _conversations.TryGetValue(conversation, out var existing) ? existing : _conversations[conversation] = new Queue<DateTimeOffset>();
                foreach (var (limit, window) in PerConversation)
                    wait = Max(wait, Wait(log, limit, window, now));
            }

            if (wait is not null)
                return wait;
            _global.Enqueue(now);
            log?.Enqueue(now);
            Trim(_global, Global.Window, now);
            if (log is not null)
                Trim(log, PerConversation[^1].Window, now);
            return null;
        }
    }

    private TimeSpan? Wait(Queue<DateTimeOffset> log, int limit, TimeSpan window, DateTimeOffset now)
    {
        window -= Jitter;
        var inWindow = log.Where(t => t > now - window).ToList();
        return inWindow.Count < limit ? null : inWindow[inWindow.Count - limit] + window - now;
    }

    private static void Trim(Queue<DateTimeOffset> log, TimeSpan window, DateTimeOffset now)
    {
        while (log.Count > 0 && log.Peek() <= now - window)
            log.Dequeue();
    }

    private static TimeSpan? Max(TimeSpan? a, TimeSpan? b) => a is null ? b : b is null ? a : a > b ? a : b;
}
