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

    public IReadOnlyCollection<string> Commands { get; } = CommandCatalog.Names("declare");

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
        var members = command.ListOf("members").Select(m => m.TrimStart('@')).ToList();
        if (command.ListOf("members").Any(m => m.Length < 2 || m[0] != '@'))
        {
            return CommandContext.Error("--members takes people named with @, separated by commas (--members @a,@b).", command.Definition.Usage);
        }

        var provisioner = command.Has("channel") ? services.Provisioners.FirstOrDefault(p => p.Supports(context.Actor.Channel)) : null;
        if (command.Has("channel") && provisioner is null)
        {
            return CommandContext.Error("--channel needs a platform that can create channels; declare the incident in the channel you want to use.");
        }

        if (provisioner is null && await context.FindIncidentAsync() is { } existing)
        {
            return CommandContext.Error($"This conversation already has an active incident, {existing.Incident.Id} \"{existing.Incident.Title}\". Close it first, or declare in another channel.");
        }

        var id = await services.Store.AllocateIncidentIdAsync(context.Actor.TenantId, context.Now.Year, context.CancellationToken);
        IncidentChannel? channel = null;
        string? channelFailure = null;
        if (provisioner is not null)
        {
            try
            {
                channel = await provisioner.CreateIncidentChannelAsync(
                    new IncidentChannelRequest(context.Actor, context.Conversation, id, title, ChannelName(id, title), members), context.CancellationToken);
                conversation = channel.Conversation;
            }
            catch (IncidentChannelException ex)
            {
                // The incident still matters more than its channel: it is declared where it was typed (issue 22).
                channelFailure = ex.Message;
            }
        }

        if (!await services.Bindings.TryBindAsync(conversation, id, IsActiveAsync(context), context.CancellationToken))
        {
            return CommandContext.Error("Another incident was just declared in this conversation. Type 'status' to see it." + (channelFailure is null ? "" : $" (Its channel could not be created: {channelFailure})"));
        }

        var severity = Severity.Sev2;
        if (command["sev"] is { } sev)
        {
            PhaseNames.TryParse(sev, out severity);
        }

        var systems = command.ListOf("systems");
        var cves = command["cve"] is { } cve ? new[] { cve } : [];
        var declared = new IncidentDeclared(title, severity, conversation, systems, cves);
        var outcome = await services.Runner.CreateAsync(id, context.Actor, declared, FollowUps(context, systems, cves), [], context.CancellationToken);
        if (outcome.Applied is not { } applied)
        {
            await services.Bindings.UnbindAsync(conversation, id, context.CancellationToken);
            return CommandContext.Error(outcome.Refusal ?? "The incident could not be declared; try again.");
        }

        const string next = "Next: assess (systems, vulnerabilities, impact).";
        if (channelFailure is not null)
        {
            var here = $"{id} declared here: its own channel could not be created. {channelFailure} {next}";
            return CommandResult.Of(new Reply(new TextView(here)), new Reply(IncidentViews.Summary(applied.Incident, here)));
        }

        if (channel is null || conversation == context.Conversation)
        {
            var headline = $"{id} declared. {next}";
            return CommandResult.Of(new Reply(new TextView(headline)), new Reply(IncidentViews.Summary(applied.Incident, headline)));
        }

        var where = channel.DisplayName is { } name ? $" \"{name}\"" : "";
        var link = channel.WebUrl is { } url ? $": {url}" : "";
        var note = channel.Note is { } n ? $" {n}" : "";
        var moved = $"{id} declared in its own channel{where}{link}. {next}{note}";
        var announced = await provisioner!.AnnounceAsync(channel, IncidentViews.Summary(applied.Incident, $"{id} declared. {next}"), context.CancellationToken);
        return announced
            ? CommandResult.Of(new Reply(new TextView(moved)))
            : CommandResult.Of(new Reply(new TextView(moved)), new Reply(IncidentViews.Summary(applied.Incident, moved)));
    }

    private static List<Workflow.PendingEvent> FollowUps(CommandContext context, IReadOnlyList<string> systems, IReadOnlyList<string> cves)
    {
        var services = context.Services;
        // The declarer is commander from the start, on record, so every view (status, log, export) names them.
        var events = new List<Workflow.PendingEvent>
        {
            new(new ChecklistSeeded(services.Playbook.Name, services.Playbook.Phases)),
            new(new RoleAssigned(IncidentRole.Commander, Participant.From(context.Actor)), "declarer"),
        };
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
