using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Xml;

namespace ChatOps.Core.Incidents;

/// <summary>A time window for a deployment: start and duration, written <c>2026-11-28T22:00Z/PT2H</c> (ISO 8601).</summary>
public sealed record MaintenanceWindow(DateTimeOffset Start, TimeSpan Duration)
{
    public static readonly TimeSpan MaxDuration = TimeSpan.FromDays(7);

    public DateTimeOffset End => Start + Duration;

    public bool Contains(DateTimeOffset instant) => instant >= Start && instant < End;

    public static bool TryParse(string text, [NotNullWhen(true)] out MaintenanceWindow? window, [NotNullWhen(false)] out string? error)
    {
        window = null;
        var parts = (text ?? "").Split('/');
        if (parts.Length != 2)
        {
            error = "write the window as <ISO start>/<duration>, e.g. 2026-11-28T22:00Z/PT2H.";
            return false;
        }

        if (!DateTimeOffset.TryParse(parts[0], CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal, out var start)
            || !(parts[0].EndsWith('Z') || parts[0].Contains('+', StringComparison.Ordinal) || parts[0].LastIndexOf('-') > 10))
        {
            error = $"'{parts[0]}' is not an ISO 8601 start time with a time zone, e.g. 2026-11-28T22:00Z or 2026-11-28T23:00+01:00.";
            return false;
        }

        TimeSpan duration;
        try
        {
            duration = XmlConvert.ToTimeSpan(parts[1]);
        }
        catch (FormatException)
        {
            error = $"'{parts[1]}' is not an ISO 8601 duration, e.g. PT2H or PT90M.";
            return false;
        }

        if (duration <= TimeSpan.Zero || duration > MaxDuration)
        {
            error = "the window must last more than zero and at most 7 days.";
            return false;
        }

        window = new MaintenanceWindow(start.ToUniversalTime(), duration);
        error = null;
        return true;
    }

    public override string ToString() =>
        Start.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm'Z'", CultureInfo.InvariantCulture) + "/" + XmlConvert.ToString(Duration);
}
