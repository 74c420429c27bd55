using ChatOps.Core.Commands.Grammar;
using ChatOps.Core.Cvss;
using ChatOps.Core.Decisions.Events;
using ChatOps.Core.Incidents;
using ChatOps.Core.Views;
using ChatOps.Core.Workflow;
using ChatOps.Core.Workflow.Handlers;

namespace ChatOps.Core.Dialogs;

/// <summary>
/// Assess: affected systems (owner, criticality), vulnerabilities (CVE, CVSS v3.1 vector, exploited), impact and
/// data exposure; then the priority is computed and recorded.
/// </summary>
public sealed class AssessDialog : IFormDialog
{
    private static readonly string[] Criticalities = ["high", "medium", "low"];

    public string Kind => "assess";

    /// <summary>Systems already given (declare --systems, system add) are not asked for again: the dialog starts at vulnerabilities.</summary>
    public int? FirstStep(Incident incident, IReadOnlyDictionary<string, string> data)
    {
        ArgumentNullException.ThrowIfNull(incident);
        return incident.Systems.Count > 0 ? 1 : 0;
    }

    public string Question(Incident incident, int step, IReadOnlyDictionary<string, string> data) => step switch
    {
        0 => "Assess 1/4 — Which systems are affected? List them with criticality and owner, e.g.: web01 high @owner, db02 medium (or 'none').",
        1 => (incident?.Systems.Count > 0 ? $"Systems recorded: {string.Join(", ", incident.Systems.Select(s => $"{s.Name} ({s.Criticality})"))}; change or add one with: system add NAME --criticality high|medium|low.\n" : "") +
            "Assess 2/4 — Which vulnerabilities? e.g.: CVE-2024-3400 CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H exploited (several separated by commas, or 'none').",
        2 => "Assess 3/4 — What is the impact on the business and its users?",
        _ => "Assess 4/4 — Is data exposed? (yes / no / unknown, and what data)",
    };

    public bool TakesFreeText(int step) => step >= 2;

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

                    // A system recorded already with the same facts (declare --systems) is not recorded twice.
                    var known = incident.FindSystem(words[0]);
                    var same = known is not null && known.Criticality == criticality && (owner is null || owner.UserId == known.Owner?.UserId);
                    if (!same && !systems.Any(p => p.Event is SystemAdded a && string.Equals(a.Name, words[0], StringComparison.OrdinalIgnoreCase)))
                    {
                        systems.Add(new PendingEvent(new SystemAdded(words[0], owner ?? known?.Owner, criticality)));
                    }
                }

                return new DialogTurn(systems, systems.Count == 0 ? "No new systems recorded." : $"Recorded {systems.Count} system(s).", 1);
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
                return string.IsNullOrWhiteSpace(answer)
                    ? DialogTurn.Retry("Please describe the impact (or 'unknown').", step)
                    : new DialogTurn([], "Noted.", 3, new Dictionary<string, string> { [ImpactField] = Limit(answer) });
            default:
                return Conclude(incident, data.GetValueOrDefault(ImpactField), answer, []);
        }
    }

    public const string SystemsField = "systems";
    public const string VulnerabilitiesField = "vulnerabilities";
    public const string ImpactField = "impact";
    public const string ExposureField = "exposure";
    public const string ExposureDetailsField = "exposure-details";
    private static readonly string[] Exposures = ["no", "yes", "unknown"];

    public string FormTitle => "Assess";

    public DialogFormView Form(Incident incident)
    {
        ArgumentNullException.ThrowIfNull(incident);
        var exposure = incident.DataExposure?.Split(' ', 2) ?? [];
        var known = exposure.Length > 0 && Exposures.Contains(exposure[0].TrimEnd(',', ':', ';', '.', '—', '-'), StringComparer.OrdinalIgnoreCase);
        return new DialogFormView(incident.Id, incident.Id, Kind, FormTitle,
            $"Already recorded: {incident.Systems.Count} system(s), {incident.Vulnerabilities.Count} vulnerability(ies). What you add here is added to them; the priority is computed from all of them.",
            [
                new FormField(SystemsField, "Affected systems", FormFieldKind.MultilineText,
                    Hint: incident.Systems.Count == 0 ? "One per line: NAME [high|medium|low] [@owner], or leave empty"
                        : $"Recorded: {string.Join(", ", incident.Systems.Select(s => s.Name))}. Add others (or a new criticality) one per line: NAME [high|medium|low] [@owner]"),
                new FormField(VulnerabilitiesField, "Vulnerabilities", FormFieldKind.MultilineText, Hint: "One per line: CVE-… [CVSS:3.1/…] [exploited|not-exploited], or leave empty"),
                new FormField(ImpactField, "Impact on the business and its users", FormFieldKind.MultilineText, incident.Impact),
                new FormField(ExposureField, "Is data exposed?", FormFieldKind.Choice, known ? exposure[0].TrimEnd(',', ':', ';', '.').ToLowerInvariant() : null, Exposures),
                new FormField(ExposureDetailsField, "What data?", FormFieldKind.Text, known && exposure.Length > 1 ? exposure[1].TrimStart('—', '-', ' ') : null, Hint: "e.g. customer e-mail addresses"),
            ]);
    }

    /// <summary>Each field is checked by the chat dialog's own step (<see cref="Answer"/>), so form and chat agree.</summary>
    public FormOutcome Submit(Incident incident, IReadOnlyDictionary<string, string> values, Func<string, Participant> person)
    {
        ArgumentNullException.ThrowIfNull(incident);
        ArgumentNullException.ThrowIfNull(values);
        var answers = new FormAnswers();
        foreach (var (field, step) in (ReadOnlySpan<(string, int)>)[(SystemsField, 0), (VulnerabilitiesField, 1), (ImpactField, 2)])
        {
            var value = values.GetValueOrDefault(field)?.Trim();
            answers.Add(field, Answer(incident, step, string.IsNullOrEmpty(value) && step < 2 ? "none" : value ?? "", FormAnswers.NoData, person));
        }

        var exposure = values.GetValueOrDefault(ExposureField)?.Trim().ToLowerInvariant() ?? "";
        if (!Exposures.Contains(exposure))
        {
            answers.Errors[ExposureField] = "Choose yes, no or unknown.";
        }

        if (answers.Errors.Count > 0)
        {
            return FormOutcome.Invalid(answers.Errors);
        }

        var details = values.GetValueOrDefault(ExposureDetailsField)?.Trim();
        var conclusion = Conclude(incident, values[ImpactField], string.IsNullOrEmpty(details) ? exposure : $"{exposure} — {details}", answers.Events);
        return FormOutcome.Valid([.. answers.Events, .. conclusion.Events], conclusion.Say);
    }

    private static DialogTurn Conclude(Incident incident, string? impact, string exposureAnswer, IReadOnlyList<PendingEvent> pending)
    {
        if (string.IsNullOrWhiteSpace(exposureAnswer))
        {
            return DialogTurn.Retry("Is data exposed? Answer yes, no or unknown (and what data).", 3);
        }

        var priority = AssessHandler.Priority(incident, pending.Select(p => p.Event));
        var evt = new ImpactAssessed(impact is null ? null : Limit(impact), Limit(exposureAnswer), priority);
        return new DialogTurn([new PendingEvent(evt)], $"Assessment recorded: priority {priority}. Next: phase contain.", null);
    }

    private static IEnumerable<string> Split(string answer) =>
        answer.Split([',', ';', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static string Limit(string text) => text.Length <= ArgValidator.MaxTextLength ? text.Trim() : text[..ArgValidator.MaxTextLength];
}
