using System.Diagnostics.CodeAnalysis;

namespace ChatOps.Core.Cvss;

/// <summary>
/// A CVSS v3.1 base vector and its base score, computed exactly as FIRST's specification defines
/// (https://www.first.org/cvss/v3.1/specification-document, section 7.1 and Appendix A "Roundup").
/// Temporal and environmental metrics may follow the base metrics and are accepted but not scored.
/// </summary>
public sealed record CvssV31(string AttackVector, string AttackComplexity, string PrivilegesRequired, string UserInteraction,
    string Scope, string Confidentiality, string Integrity, string Availability)
{
    private const string Prefix = "CVSS:3.1/";
    private static readonly string[] BaseOrder = ["AV", "AC", "PR", "UI", "S", "C", "I", "A"];
    private static readonly Dictionary<string, string[]> Allowed = new(StringComparer.Ordinal)
    {
        ["AV"] = ["N", "A", "L", "P"], ["AC"] = ["L", "H"], ["PR"] = ["N", "L", "H"], ["UI"] = ["N", "R"],
        ["S"] = ["U", "C"], ["C"] = ["H", "L", "N"], ["I"] = ["H", "L", "N"], ["A"] = ["H", "L", "N"],
        ["E"] = ["X", "U", "P", "F", "H"], ["RL"] = ["X", "O", "T", "W", "U"], ["RC"] = ["X", "U", "R", "C"],
        ["CR"] = ["X", "L", "M", "H"], ["IR"] = ["X", "L", "M", "H"], ["AR"] = ["X", "L", "M", "H"],
        ["MAV"] = ["X", "N", "A", "L", "P"], ["MAC"] = ["X", "L", "H"], ["MPR"] = ["X", "N", "L", "H"], ["MUI"] = ["X", "N", "R"],
        ["MS"] = ["X", "U", "C"], ["MC"] = ["X", "N", "L", "H"], ["MI"] = ["X", "N", "L", "H"], ["MA"] = ["X", "N", "L", "H"],
    };

    public bool ScopeChanged => Scope == "C";

    /// <summary>The base score, 0.0–10.0, to one decimal.</summary>
    public double BaseScore
    {
        get
        {
            var iss = 1 - ((1 - Cia(Confidentiality)) * (1 - Cia(Integrity)) * (1 - Cia(Availability)));
            var impact = ScopeChanged ? (7.52 * (iss - 0.029)) - (3.25 * Math.Pow(iss - 0.02, 15)) : 6.42 * iss;
            var exploitability = 8.22 * Av() * (AttackComplexity == "L" ? 0.77 : 0.44) * Pr() * (UserInteraction == "N" ? 0.85 : 0.62);
            if (impact <= 0)
            {
                return 0;
            }

            return ScopeChanged
                ? Roundup(Math.Min(1.08 * (impact + exploitability), 10))
                : Roundup(Math.Min(impact + exploitability, 10));
        }
    }

    /// <summary>Qualitative severity rating (specification section 5).</summary>
    public string Severity => BaseScore switch
    {
        0 => "None",
        < 4.0 => "Low",
        < 7.0 => "Medium",
        < 9.0 => "High",
        _ => "Critical",
    };

    public static bool TryParse(string text, [NotNullWhen(true)] out CvssV31? vector, [NotNullWhen(false)] out string? error)
    {
        vector = null;
        if (string.IsNullOrWhiteSpace(text) || !text.StartsWith(Prefix, StringComparison.Ordinal))
        {
            error = "a CVSS v3.1 vector starts with CVSS:3.1/, e.g. CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H.";
            return false;
        }

        var metrics = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var part in text[Prefix.Length..].Split('/'))
        {
            var pair = part.Split(':');
            if (pair.Length != 2 || !Allowed.TryGetValue(pair[0], out var values) || !values.Contains(pair[1]))
            {
                error = $"'{part}' is not a CVSS v3.1 metric.";
                return false;
            }

            if (!metrics.TryAdd(pair[0], pair[1]))
            {
                error = $"metric {pair[0]} appears twice.";
                return false;
            }
        }

        var missing = BaseOrder.Where(m => !metrics.ContainsKey(m)).ToList();
        if (missing.Count > 0)
        {
            error = $"the vector lacks base metric(s) {string.Join(", ", missing)}.";
            return false;
        }

        vector = new CvssV31(metrics["AV"], metrics["AC"], metrics["PR"], metrics["UI"], metrics["S"], metrics["C"], metrics["I"], metrics["A"]);
        error = null;
        return true;
    }

    /// <summary>The base vector in the specification's order.</summary>
    public override string ToString() =>
        $"{Prefix}AV:{AttackVector}/AC:{AttackComplexity}/PR:{PrivilegesRequired}/UI:{UserInteraction}/S:{Scope}/C:{Confidentiality}/I:{Integrity}/A:{Availability}";

    /// <summary>Appendix A: round up to one decimal, avoiding floating-point artefacts.</summary>
    internal static double Roundup(double input)
    {
        var intInput = (long)Math.Round(input * 100000);
        return intInput % 10000 == 0 ? intInput / 100000.0 : (Math.Floor(intInput / 10000.0) + 1) / 10.0;
    }

    private static double Cia(string value) => value switch { "H" => 0.56, "L" => 0.22, _ => 0 };

    private double Av() => AttackVector switch { "N" => 0.85, "A" => 0.62, "L" => 0.55, _ => 0.2 };

    private double Pr() => PrivilegesRequired switch
    {
        "N" => 0.85,
        "L" => ScopeChanged ? 0.68 : 0.62,
        _ => ScopeChanged ? 0.5 : 0.27,
    };
}
