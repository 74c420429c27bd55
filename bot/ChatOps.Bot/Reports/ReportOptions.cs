namespace ChatOps.Bot.Reports;

/// <summary>Report links, bound from the <c>Reports</c> configuration section.</summary>
public sealed class ReportOptions
{
    public const string Section = "Reports";

    /// <summary>
    /// Secret for signing report links (at least 32 characters). Required outside Development; in Development a
    /// missing key is replaced by a random one per process, so links stop working after a restart.
    /// </summary>
    public string? SigningKey { get; set; }

    /// <summary>Where the bot is reachable from people's browsers; links point here.</summary>
    public Uri PublicBaseUrl { get; set; } = new("http://127.0.0.1:3978");

    /// <summary>How long a report link works.</summary>
    public TimeSpan LinkLifetime { get; set; } = TimeSpan.FromHours(1);
}
