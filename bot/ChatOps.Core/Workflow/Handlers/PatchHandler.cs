using ChatOps.Core.Commands;
using ChatOps.Core.Commands.Grammar;
using ChatOps.Core.Decisions.Events;
using ChatOps.Core.Incidents;

namespace ChatOps.Core.Workflow.Handlers;

/// <summary><c>patch add</c>: the patch matrix. Test results are <see cref="TestHandler"/>'s.</summary>
public sealed class PatchHandler : ICommandHandler
{
    public IReadOnlyCollection<string> Commands { get; } = CommandCatalog.Names("patch add");

    public Task<CommandResult> HandleAsync(CommandContext context, ParsedCommand command)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(command);
        var patchId = command.Required("patch-id");
        if (command.Name == "patch add")
        {
            var artifact = command["artifact"];
            if (artifact is not null && ArtifactDigest.Normalize(artifact) is null)
            {
                return Task.FromResult(CommandContext.Error("An artifact is named by its SHA-256 digest.", "patch add <patch-id> \"<description>\" --systems a,b --artifact sha256:<64 hex digits>"));
            }

            artifact = artifact is null ? null : ArtifactDigest.Normalize(artifact);
            var systems = command.ListOf("systems");
            return context.ChangeAsync(incident =>
            {
                if (incident.FindPatch(patchId) is not null)
                {
                    return Change.Refuse($"Patch {patchId} already exists in {incident.Id}.");
                }

                var unknown = systems.Where(s => incident.FindSystem(s) is null).ToList();
                if (unknown.Count > 0)
                {
                    return Change.Refuse($"{string.Join(", ", unknown)} {(unknown.Count == 1 ? "is not an affected system" : "are not affected systems")} of {incident.Id}. Add with: system add <name>");
                }

                var names = systems.Select(s => incident.FindSystem(s)!.Name).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
                return Change.Record(new PendingEvent(new PatchAdded(patchId, command.Required("description"), names, command["rollback"], artifact)));
            }, r => CommandResult.Of(new Reply(IncidentViews.PatchMatrix(r.Incident))));
        }

        return Task.FromResult(CommandContext.Error($"'{command.Name}' is not a patch command."));
    }
}
