using ChatOps.Core.Commands;
using ChatOps.Core.Commands.Grammar;
using ChatOps.Core.Decisions.Events;
using ChatOps.Core.Incidents;

namespace ChatOps.Core.Workflow.Handlers;

/// <summary><c>patch add</c> and <c>test</c>: the patch matrix and its evidence.</summary>
public sealed class PatchHandler : ICommandHandler
{
    public IReadOnlyCollection<string> Commands { get; } = ["patch add", "test"];

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
            }, r => CommandResult.Of(new Reply(IncidentViews.PatchMatrix(r.Incident!))));
        }

        var result = command.Required("result");
        if (result == "waive" && command["reason"] is null)
        {
            return Task.FromResult(CommandContext.Error("A waiver needs a reason.", "test <patch-id> waive --reason \"<why testing is impossible>\""));
        }

        return context.ChangeAsync(incident =>
        {
            var patch = incident.FindPatch(patchId);
            if (patch is null)
            {
                return Change.Refuse($"There is no patch {patchId} in {incident.Id}. Add it with: patch add {patchId} \"<description>\" --systems a,b");
            }

            var evt = new PatchTested(patch.Id, result, command["env"], command["evidence"], command["note"]);
            return Change.Record(new PendingEvent(evt, command["reason"]));
        }, r =>
        {
            var patch = r.Incident!.FindPatch(patchId)!;
            var hint = result switch
            {
                "pass" when command["evidence"] is null => " Add --evidence <url>: a deployment request needs test evidence.",
                "waive" when patch.RollbackPlan is null => " A waiver needs a rollback plan before deployment: patch add records it with --rollback.",
                _ => "",
            };
            return CommandContext.Say($"{r.Incident.Id}: {EventText(r)}.{hint}");
        });
    }

    private static string EventText(IncidentOutcome outcome) =>
        Decisions.EventSerializer.Deserialize(outcome.Recorded[0].Kind, outcome.Recorded[0].Payload).Describe();
}
