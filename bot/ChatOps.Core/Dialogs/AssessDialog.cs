using ChatOps.Core.Commands.Grammar;
using ChatOps.Core.Cvss;
using ChatOps.Core.Decisions.Events;
using ChatOps.Core.Incidents;
using ChatOps.Core.Workflow;
using ChatOps.Core.Workflow.Handlers;

namespace ChatOps.Core.Dialogs;

/// <summary>
/// Assess: affected systems (owner, criticality), vulnerabilities (CVE, CVSS v3.1 vector, exploited), impact and
/// data exposure; then the priority is computed and recorded.
/// </summary>
public sealed class AssessDialog : IPhaseDialog
{
    private static readonly string[] Criticalities = ["high", "medium", "low"];

    public string Kind => "assess";

    public int? FirstStep(Incident incident, IReadOnlyDictionary<string, string> data) => 0;

    public string Question(Incident incident, int step, IReadOnlyDictionary<string, string> data) => step switch
    {
        0 => "Assess 1/4 — Which systems are affected? List them with criticality and owner, e.g.: web01 high @owner, db02 medium (or 'none').",
        1 => "Assess 2/4 — Which vulnerabilities? e.g.: CVE-2024-3400 CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H exploited (several separated by commas, or 'none').",
        2 => "Assess 3/4 — What is the impact on the business and its users?",
        _ => "Assess 4/4 — Is data exposed? (yes / no / unknown, and what data)",
    };

    public DialogTurn Answer(Incident incident, int step, string answer, IReadOnlyDictionary<string, string> data, Func<string, Participant> person)
    {
        ArgumentNullException.ThrowIfNull(incident);
        ArgumentNullException.ThrowIfNull(person);
        var none = string.Equals(answer.Trim(), "none", StringComparison.OrdinalIgnoreCase);
        switch (step)
        {
            case 0:
                var systems = new List<PendingEvent>();
                foreach (var entry in none ? [] : Split(answer))
                {
                    var words = entry.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                    var criticality = words.Skip(1).FirstOrDefault(w => Criticalities.Contains(w, StringComparer.OrdinalIgnoreCase))?.ToLowerInvariant() ?? "medium";
                    var owner = words.Skip(1).FirstOrDefault(w => w.StartsWith('@') && w.Length > 1) is { } o ? person(o[1..]) : null;
                    var unknown = words.Skip(1).FirstOrDefault(w => !w.StartsWith('@') && !Criticalities.Contains(w, StringComparer.OrdinalIgnoreCase));
                    if (unknown is not null || words[0].Length > ArgValidator.MaxWordLength)
                    {
                        return DialogTurn.Retry($"I could not read '{entry}': write a system as <name> [high|medium|low] [@owner].", step);
                    }

                    systems.Add(new PendingEvent(new SystemAdded(words[0], owner, criticality)));
                }

                return new DialogTurn(systems, systems.Count == 0 ? "No systems recorded." : $"Recorded {systems.Count} system(s).", 1);
            case 1:
                var vulns = new List<PendingEvent>();
                foreach (var entry in none ? [] : Split(answer))
                {
                    var words = entry.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                    var cveSpec = new ArgSpec("cve", ArgKind.Cve, true, [], false);
                    if (!ArgValidator.TryValidate(cveSpec, words[0], out var cve, out var error))
                    {
                        return DialogTurn.Retry(error!, step);
                    }

                    string? vector = null;
                    bool? exploited = null;
                    foreach (var word in words.Skip(1))
                    {
                        if (word.StartsWith("CVSS:", StringComparison.OrdinalIgnoreCase))
                        {
                            if (!CvssV31.TryParse(word, out _, out var cvssError))
                            {
                                return DialogTurn.Retry($"{cve}: {cvssError}", step);
                            }

                            vector = word;
                        }
                        else
                        {
                            exploited = word.ToLowerInvariant() switch
                            {
                                "exploited" or "yes" => true,
                                "not-exploited" or "no" => false,
                                _ => null,
                            };
                            if (exploited is null)
                            {
                                return DialogTurn.Retry($"I could not read '{word}' for {cve}: use a CVSS:3.1/… vector and 'exploited' or 'not-exploited'.", step);
                            }
                        }
                    }

                    vulns.Add(new PendingEvent(AssessHandler.Vulnerability(cve, vector, exploited)));
                }

                return new DialogTurn(vulns, vulns.Count == 0 ? "No vulnerabilities recorded." : $"Recorded {vulns.Count} vulnerability(ies).", 2);
            case 2:
                return new DialogTurn([], "Noted.", 3, new Dictionary<string, string> { ["impact"] = Limit(answer) });
            default:
                var impact = data.GetValueOrDefault("impact");
                var exposure = Limit(answer);
                var priority = AssessHandler.Priority(incident);
                var evt = new ImpactAssessed(impact, exposure, priority);
                return new DialogTurn([new PendingEvent(evt)], $"Assessment recorded: priority {priority}. Next: contain.", null);
        }
    }

    private static IEnumerable<string> Split(string answer) =>
        answer.Split([',', ';', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static string Limit(string text) => text.Length <= ArgValidator.MaxTextLength ? text.Trim() : text[..ArgValidator.MaxTextLength];
}
