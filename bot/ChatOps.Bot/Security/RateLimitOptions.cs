namespace ChatOps.Bot.Security;

/// <summary><c>RateLimits:*</c>: requests one remote address may make to the endpoints anyone can reach.</summary>
public sealed class RateLimitOptions
{
    public const string Section = "RateLimits";

    /// <summary>Requests per address per <see cref="Window"/> (sliding). Teams, Slack and pipelines stay far below it.</summary>
    public int PermitsPerWindow { get; set; } = 600;

    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);
}
