using ChatOps.Core.Commands;
using ChatOps.Core.Commands.Grammar;
using ChatOps.Core.Incidents;

namespace ChatOps.Core.Workflow.Handlers;

/// <summary>
/// <c>review</c>: starts the post-incident review dialog. It runs in the Review phase, BEFORE close: a closed
/// incident's record is read-only (so it can be proven untouched), and the review's lessons and action items
/// belong in that record and in the report.
/// </summary>
public sealed class ReviewHandler(DialogHandler dialogs) : ICommandHandler
{
    public IReadOnlyCollection<string> Commands { get; } = CommandCatalog.Names("review");

    public async Task<CommandResult> HandleAsync(CommandContext context, ParsedCommand command)
    {
        ArgumentNullException.ThrowIfNull(context);
        var snapshot = await context.FindIncidentAsync();
        if (snapshot is null)
        {
            return await ReadableIncident.FindAsync(context) is { Incident.IsClosed: true } closed
                ? CommandContext.Error($"{closed.Incident.Id} is closed; its record is read-only, so the review can no longer be added. The review is held in the Review phase, before close.")
                : CommandContext.Error(CommandContext.NoIncident);
        }

        var incident = snapshot.Incident;
        if (incident.Phase != Phase.Review)
        {
            return CommandContext.Error($"{incident.Id} is in the {PhaseNames.Of(incident.Phase)} phase. The review is held in the Review phase, before close; move there with: phase review");
        }

        return await dialogs.StartAsync(context, incident, "review");
    }
}
