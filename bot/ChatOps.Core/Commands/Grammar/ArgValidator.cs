using System.Globalization;
using System.Text.RegularExpressions;
using ChatOps.Core.Incidents;

namespace ChatOps.Core.Commands.Grammar;

/// <summary>Checks and normalises one argument value according to its <see cref="ArgKind"/>.</summary>
internal static partial class ArgValidator
{
    public const int MaxWordLength = 100;
    public const int MaxTextLength = 2000;

    public static bool TryValidate(ArgSpec spec, string value, out string normalized, out string? error)
    {
        normalized = value;
        error = null;
        var label = spec.Label;
        switch (spec.Kind)
        {
            case ArgKind.Choice:
                var match = spec.Choices.FirstOrDefault(c => string.Equals(c, value, StringComparison.OrdinalIgnoreCase));
                if (match is null)
                {
                    // A typo of a choice ("managment") is answered with the choice it looks like, and nothing runs.
                    var nearest = EditDistance.Nearest(value, spec.Choices);
                    var hint = nearest is null ? "use" : $"did you mean {nearest}? Use";
                    error = $"'{value}' is not valid for {label}; {hint} one of: {string.Join(", ", spec.Choices)}.";
                    return false;
                }

                normalized = match;
                return true;
            case ArgKind.User:
                if (value.Length < 2 || value[0] != '@')
                {
                    error = $"{label} must name a person with @ (a Teams or Slack mention), not '{value}'.";
                    return false;
                }

                normalized = value[1..];
                return true;
            case ArgKind.Url:
                if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
                {
                    error = $"{label} must be an http(s) link, not '{value}'.";
                    return false;
                }

                return Length(value, 2000, label, out error);
            case ArgKind.Cve:
                if (!CvePattern().IsMatch(value))
                {
                    error = $"'{value}' is not a CVE id; write it like CVE-2024-3400.";
                    return false;
                }

                normalized = value.ToUpperInvariant();
                return true;
            case ArgKind.Cvss:
                if (!Cvss.CvssV31.TryParse(value, out var vector, out var cvssError))
                {
                    error = $"{label}: {cvssError}";
                    return false;
                }

                normalized = vector.ToString();
                return true;
            case ArgKind.Window:
                // A relative start (+15m) is resolved against the clock by the handler; here only its form is checked.
                if (!MaintenanceWindow.TryParse(value, DateTimeOffset.UnixEpoch, out var window, out var windowError))
                {
                    error = $"{label}: {windowError}";
                    return false;
                }

                normalized = MaintenanceWindow.IsRelative(value) ? value.Trim() : window.ToString();
                return true;
            case ArgKind.List:
                var items = value.Split(',', StringSplitOptions.TrimEntries);
                if (items.Any(string.IsNullOrEmpty))
                {
                    error = $"{label} is a comma-separated list without empty entries, like a,b.";
                    return false;
                }

                normalized = string.Join(',', items);
                return items.All(i => Length(i, MaxWordLength, label, out _)) || Length(value, MaxWordLength, label, out error);
            case ArgKind.Text:
                if (string.IsNullOrWhiteSpace(value))
                {
                    error = $"{label} cannot be empty.";
                    return false;
                }

                normalized = value.Trim();
                return Length(normalized, MaxTextLength, label, out error);
            default:
                return Length(value, MaxWordLength, label, out error);
        }
    }

    private static bool Length(string value, int max, string label, out string? error)
    {
        error = value.Length <= max ? null : string.Create(CultureInfo.InvariantCulture, $"{label} is {value.Length} characters long; the limit is {max}.");
        return error is null;
    }

    [GeneratedRegex(@"^CVE-\d{4}-\d{4,7}$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CvePattern();
}
