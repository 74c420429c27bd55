using ChatOps.Core.Commands;
using ChatOps.Core.Commands.Grammar;
using ChatOps.Core.Cvss;
using ChatOps.Core.Decisions;
using ChatOps.Core.Decisions.Events;
using ChatOps.Core.Incidents;

namespace ChatOps.Core.Workflow.Handlers;

/// <summary><c>system add</c> and <c>vuln add</c>: the facts the Assess phase gathers.</summary>
public sealed class AssessHandler : ICommandHandler
{
    public IReadOnlyCollection<string> Commands { get; } = CommandCatalog.Names("system add", "vuln add");

    public Task<CommandResult> HandleAsync(CommandContext context, ParsedCommand command)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(command);
        if (command.Name == "system add")
        {
            var name = command.Required("name");
            var owner = command["owner"] is { } o ? context.Person(o) : null;
            var evt = new SystemAdded(name, owner, command["criticality"] ?? "medium");
            return context.ChangeAsync(i => WithPriority(i, evt), r => CommandContext.Say($"{r.Incident.Id}: {evt.Describe()}.{PriorityNote(r.Incident)}"));
        }

        var vuln = Vulnerability(command.Required("cve"), command["cvss"], command["exploited"] switch { "yes" => true, "no" => false, _ => null });
        return context.ChangeAsync(i => WithPriority(i, vuln), r => CommandContext.Say($"{r.Incident.Id}: {vuln.Describe()}.{PriorityNote(r.Incident)}"));
    }

    /// <summary>A typed fact moves the priority exactly as the Assess dialog would (recorded with it, only when it changes).</summary>
    private static Change WithPriority(Incident incident, IncidentEvent fact)
    {
        // A system alone says nothing about priority until a vulnerability (or an assessment) exists.
        var priority = fact is SystemAdded && incident.Vulnerabilities.Count == 0 && incident.Priority is null ? null : Priority(incident, [fact]);
        return priority is null || priority == incident.Priority
            ? Change.Record(new PendingEvent(fact))
            : Change.Record(new PendingEvent(fact), new PendingEvent(new PriorityAssessed(priority, incident.Priority)));
    }

    private static string PriorityNote(Incident incident) => incident.Priority is { } p ? $" Priority {p}." : "";

    public static VulnerabilityAdded Vulnerability(string cve, string? vector, bool? exploited) =>
        vector is not null && CvssV31.TryParse(vector, out var parsed, out _)
            ? new VulnerabilityAdded(cve, parsed.ToString(), parsed.BaseScore, parsed.Severity, exploited)
            : new VulnerabilityAdded(cve, null, null, null, exploited);

    /// <summary>
    /// Priority from what Assess found: P1 when a vulnerability is exploited and either critical-scored (CVSS ≥ 9)
    /// or on a high-criticality system; P2 when exploited or CVSS ≥ 7; P3 when CVSS ≥ 4; otherwise P4.
    /// </summary>
    public static string Priority(Incident incident) => Priority(incident, []);

    /// <summary>The priority once <paramref name="pending"/> (systems and vulnerabilities about to be recorded) are added.</summary>
    public static string Priority(Incident incident, IEnumerable<IncidentEvent> pending)
    {
        ArgumentNullException.ThrowIfNull(incident);
        ArgumentNullException.ThrowIfNull(pending);
        var events = pending.ToList();
        var vulns = incident.Vulnerabilities.Select(v => (v.BaseScore, v.Exploited))
            .Concat(events.OfType<VulnerabilityAdded>().Select(v => (v.BaseScore, v.Exploited))).ToList();
        var max = vulns.Max(v => v.BaseScore) ?? 0;
        var exploited = vulns.Any(v => v.Exploited == true);
        var highCriticality = incident.Systems.Select(s => s.Criticality).Concat(events.OfType<SystemAdded>().Select(s => s.Criticality)).Any(c => c == "high");
        return (exploited, max) switch
        {
            (true, >= 9) => "P1",
            (true, _) when highCriticality => "P1",
            (true, _) or (_, >= 7) => "P2",
            (_, >= 4) => "P3",
            _ => "P4",
        };
    }
}
