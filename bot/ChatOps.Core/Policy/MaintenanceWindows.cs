using Cronos;
using ChatOps.Core.Incidents;
using TimeZoneConverter;

namespace ChatOps.Core.Policy;

/// <summary>Recurring maintenance windows from policy: cron (Cronos) + duration, in the window's time zone.</summary>
public static class MaintenanceWindows
{
    public static string? Validate(MaintenanceWindowPolicy window)
    {
        ArgumentNullException.ThrowIfNull(window);
        try
        {
            CronExpression.Parse(window.Cron);
        }
        catch (CronFormatException ex)
        {
            return $"Cron '{window.Cron}' is not valid: {ex.Message}";
        }

        if (!TZConvert.TryGetTimeZoneInfo(window.TimeZone, out _))
        {
            return $"TimeZone '{window.TimeZone}' is not a known time zone (use an IANA or Windows id).";
        }

        return window.Duration <= TimeSpan.Zero || window.Duration > TimeSpan.FromDays(1)
            ? "Duration must be more than zero and at most one day."
            : null;
    }

    /// <summary>The configured window that contains <paramref name="instant"/>, if any.</summary>
    public static MaintenanceWindow? Containing(IEnumerable<MaintenanceWindowPolicy> windows, DateTimeOffset instant)
    {
        ArgumentNullException.ThrowIfNull(windows);
        foreach (var policy in windows)
        {
            var cron = CronExpression.Parse(policy.Cron);
            var zone = TZConvert.GetTimeZoneInfo(policy.TimeZone);
            // Of the starts within one duration before the instant, the latest: where occurrences overlap it reaches furthest.
            var starts = cron.GetOccurrences(instant - policy.Duration, instant, zone, fromInclusive: false, toInclusive: true);
            if (starts.LastOrDefault() is var s && s != default && instant < s + policy.Duration)
            {
                return new MaintenanceWindow(s, policy.Duration);
            }
        }

        return null;
    }

    /// <summary>The next configured window starting after <paramref name="instant"/>, if any.</summary>
    public static MaintenanceWindow? Next(IEnumerable<MaintenanceWindowPolicy> windows, DateTimeOffset instant)
    {
        ArgumentNullException.ThrowIfNull(windows);
        return windows
            .Select(p => (Start: CronExpression.Parse(p.Cron).GetNextOccurrence(instant, TZConvert.GetTimeZoneInfo(p.TimeZone)), p.Duration))
            .Where(x => x.Start is not null)
            .Select(x => new MaintenanceWindow(x.Start!.Value, x.Duration))
            .MinBy(w => w.Start);
    }
}
