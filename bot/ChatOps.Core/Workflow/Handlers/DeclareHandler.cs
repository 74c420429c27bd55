using System.Text;
using ChatOps.Core.Commands;
using ChatOps.Core.Commands.Grammar;
using ChatOps.Core.Decisions.Events;
using ChatOps.Core.Incidents;
using ChatOps.Core.Views;

namespace ChatOps.Core.Workflow.Handlers;

/// <summary><c>declare</c>: allocates the number, binds the conversation, and records the declaration with its checklists.</summary>
public sealed class DeclareHandler : ICommandHandler
{
    public const int MaxTitleLength = 200;

    public IReadOnlyCollection<string> Commands { get; } = ["declare"];

    public async Task<CommandResult> HandleAsync(CommandContext context, ParsedCommand command)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(command);
        var title = command.Required("title");
        if (title.Length > MaxTitleLength)
        {
            return CommandContext.Error($"The title is {title.Length} characters; keep it under {MaxTitleLength}.", command.Definition.Usage);
        }

        var conversation = context.Conversation;
        var services = context.Services;
        if (command.Has("channel"))
        {
            var provisioner = services.Provisioners.FirstOrDefault(p => p.Supports(context.Actor.Channel));
            if (provisioner is null)
            {
                return CommandContext.Error("--channel creates a dedicated Slack channel; on Teams, declare the incident in the channel you want to use.");
            }
        }
        else if (await context.FindIncidentAsync() is { } existing)
        {
            return CommandContext.Error($"This conversation already has an active incident, {existing.Incident.Id} \"{existing.Incident.Title}\". Close it first, or declare in another channel.");
        }

        var id = await services.Store.AllocateIncidentIdAsync(context.Actor.TenantId, context.Now.Year, context.CancellationToken);
        if (command.Has("channel"))
        {
            var provisioner = services.Provisioners.First(p => p.Supports(context.Actor.Channel));
            conversation = await provisioner.CreateIncidentChannelAsync(context.Actor, ChannelName(id, title), context.CancellationToken);
        }

        if (!await services.Directory.TryBindAsync(conversation, id, IsActiveAsync(context), context.CancellationToken))
        {
            return CommandContext.Error("Another incident was just declared in this conversation. Type 'status' to see it.");
        }

        var severity = Severity.Sev2;
        if (command["sev"] is { } sev)
        {
            PhaseNames.TryParse(sev, out severity);
        }

        var systems = command.ListOf("systems");
        var cves = command["cve"] is { } cve ? new[] { cve } : [];
        var declared = new IncidentDeclared(title, severity, conversation, systems, cves);
        var outcome = await services.Runner.CreateAsync(id, context.Actor, declared, FollowUps(services, systems, cves), [], context.CancellationToken);
        if (!outcome.Succeeded)
        {
            await services.Directory.UnbindAsync(conversation, id, context.CancellationToken);
            return CommandContext.Error(outcome.Refusal ?? "The incident could not be declared; try again.");
        }

        var where = conversation == context.Conversation ? "" : " in its own channel";
        var headline = $"{id} declared{where}. Next: assess (systems, vulnerabilities, impact).";
        return CommandResult.Of(new Reply(new TextView(headline)), new Reply(IncidentViews.Summary(outcome.Incident!, headline)));
    }

    private static List<Workflow.PendingEvent> FollowUps(WorkflowServices services, IReadOnlyList<string> systems, IReadOnlyList<string> cves)
    {
        var events = new List<Workflow.PendingEvent> { new(new ChecklistSeeded(services.Playbook.Name, services.Playbook.Phases)) };
        events.AddRange(systems.Select(s => new Workflow.PendingEvent(new SystemAdded(s, null, "medium"))));
        events.AddRange(cves.Select(c => new Workflow.PendingEvent(new VulnerabilityAdded(c, null, null, null, null))));
        foreach (var (role, users) in services.Policy.DefaultRoles)
        {
            events.AddRange(users.Select(u => new Workflow.PendingEvent(new RoleAssigned(role, new Participant(u, u)), "deployment default")));
        }

        return events;
    }

    private static Func<string, Task<bool>> IsActiveAsync(CommandContext context) => async id =>
        await context.Services.Store.GetAsync(context.Actor.TenantId, id, context.CancellationToken) is { Incident.IsClosed: false };

    /// <summary>Slack channel names: lowercase letters, digits, hyphens, at most 80 characters.</summary>
    internal static string ChannelName(string id, string title)
    {
        var slug = new StringBuilder();
        foreach (var c in title.ToLowerInvariant())
        {
            if (c is (>= 'a' and <= 'z') or (>= '0' and <= '9'))
            {
                slug.Append(c);
            }
            else if (slug.Length > 0 && slug[^1] != '-')
            {
                slug.Append('-');
            }
        }

        var number = id.Split('-')[^1].TrimStart('0');
        var name = $"inc-{(number.Length == 0 ? "0" : number)}-{slug.ToString().Trim('-')}".TrimEnd('-');
        return name.Length <= 80 ? name : name[..80].TrimEnd('-');
    }
}
