using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml;

namespace ChatOps.Core.Incidents;

/// <summary>
/// A time window for a deployment: start and duration, written <c>2026-11-28T22:00Z/PT2H</c> (ISO 8601), or with a
/// start relative to now, <c>+15m/PT2H</c>, so an example typed from the README is never in the past.
/// </summary>
public sealed partial record MaintenanceWindow(DateTimeOffset Start, TimeSpan Duration)
{
    public static readonly TimeSpan MaxDuration = TimeSpan.FromDays(7);

    /// <summary>How far ahead a relative start may lie.</summary>
    public static readonly TimeSpan MaxLead = TimeSpan.FromDays(30);

    public const string Form = "write the window as START/DURATION: an ISO 8601 start with a time zone or a start relative to now, and an ISO 8601 duration, e.g. +15m/PT2H or 2026-11-28T22:00Z/PT2H.";

    public DateTimeOffset End => Start + Duration;

    public bool Contains(DateTimeOffset instant) => instant >= Start && instant < End;

    /// <summary>True when the start is written relative to now (<c>+15m</c>, <c>+2h</c>, <c>+1d</c>, <c>+PT15M</c>).</summary>
    public static bool IsRelative(string text) => (text ?? "").TrimStart().StartsWith('+');

    public static bool TryParse(string text, DateTimeOffset now, [NotNullWhen(true)] out MaintenanceWindow? window, [NotNullWhen(false)] out string? error)
    {
        window = null;
        var parts = (text ?? "").Trim().Split('/');
        if (parts.Length != 2)
        {
            error = Form;
            return false;
        }

        if (!TryStart(parts[0], now, out var start, out error))
        {
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

    private static bool TryStart(string text, DateTimeOffset now, out DateTimeOffset start, [NotNullWhen(false)] out string? error)
    {
        start = default;
        error = null;
        if (IsRelative(text))
        {
            var lead = RelativePattern().Match(text) is { Success: true } m
                ? TimeSpan.FromMinutes(int.Parse(m.Groups["n"].Value, CultureInfo.InvariantCulture) * m.Groups["unit"].Value.ToLowerInvariant() switch { "m" => 1, "h" => 60, _ => 1440 })
                : IsoLead(text[1..]);
            if (lead is null || lead > MaxLead)
            {
                error = $"'{text}' is not a start relative to now; write +15m, +2h, +1d or +PT15M (at most 30 days ahead).";
                return false;
            }

            // Minutes are enough for a window; seconds would only make the record harder to read.
            var at = now + lead.Value;
            start = new DateTimeOffset(at.Year, at.Month, at.Day, at.Hour, at.Minute, 0, at.Offset);
            return true;
        }

        if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal, out start)
            || !(text.EndsWith('Z') || text.Contains('+', StringComparison.Ordinal) || text.LastIndexOf('-') > 10))
        {
            error = $"'{text}' is not an ISO 8601 start time with a time zone, e.g. 2026-11-28T22:00Z or 2026-11-28T23:00+01:00, nor a relative start such as +15m.";
            return false;
        }

        return true;
    }

    private static TimeSpan? IsoLead(string text)
    {
        try
        {
            var lead = XmlConvert.ToTimeSpan(text);
            return lead >= TimeSpan.Zero ? lead : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }

    public override string ToString() =>
        Start.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm'Z'", CultureInfo.InvariantCulture) + "/" + XmlConvert.ToString(Duration);

    [GeneratedRegex(@"^\+(?<n>\d{1,5})(?<unit>[mhd])$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex RelativePattern();
}
