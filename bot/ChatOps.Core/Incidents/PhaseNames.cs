using System.Diagnostics.CodeAnalysis;

namespace ChatOps.Core.Incidents;

/// <summary>Command-line names of phases, severities and roles (lowercase, as users type them).</summary>
public static class PhaseNames
{
    public static string Of(Phase phase) => phase.ToString().ToLowerInvariant();

    public static string Of(Severity severity) => $"sev{(int)severity}";

    public static string Of(IncidentRole role) => role.ToString().ToLowerInvariant();

    public static bool TryParse(string text, out Phase phase) => TryParseEnum(text, out phase);

    public static bool TryParse(string text, out IncidentRole role) => TryParseEnum(text, out role);

    public static bool TryParse(string text, out Severity severity)
    {
        severity = default;
        if (text is not { Length: 4 } || !text.StartsWith("sev", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var digit = text[3] - '0';
        if (digit is < 1 or > 4)
        {
            return false;
        }

        severity = (Severity)digit;
        return true;
    }

    private static bool TryParseEnum<T>(string text, [NotNullWhen(true)] out T value)
        where T : struct, Enum
    {
        value = default;
        // Only names, never numbers: "2" is not a phase.
        return !string.IsNullOrEmpty(text) && char.IsLetter(text[0]) && Enum.TryParse(text, ignoreCase: true, out value)
            && Enum.IsDefined(value);
    }
}
