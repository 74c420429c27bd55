using ChatOps.Core.Ci;
using ChatOps.Core.Commands;
using ChatOps.Core.Commands.Grammar;
using ChatOps.Core.Decisions.Events;

namespace ChatOps.Core.Workflow.Handlers;

/// <summary>
/// <c>test</c>: a patch's test result. With <c>--run URL</c> the result is read from the CI run (issue 20): the run is
/// read before the incident is changed, so no incident waits on a CI API, and nothing is recorded unless the run was
/// read and has finished. Without it the typed result is recorded as a claim, as before.
/// </summary>
public sealed class TestHandler(ICiRunReader ci) : ICommandHandler
{
    public const string RunUsage = "test PATCH-ID --run CI-RUN-URL [--env NAME]";

    public IReadOnlyCollection<string> Commands { get; } = CommandCatalog.Names("test");

    public async Task<CommandResult> HandleAsync(CommandContext context, ParsedCommand command)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(command);
        var patchId = command.Required("patch-id");
        if (command["run"] is { } run)
        {
            return await FromRunAsync(context, command, patchId, run);
        }

        // The grammar requires a typed result or --run (CommandDefinition.RequireOneOf).
        var result = command.Required("result");

        if (result == "waive" && command["reason"] is null)
        {
            return CommandContext.Error("A waiver needs a reason.", "test <patch-id> waive --reason \"<why testing is impossible>\"");
        }

        return await context.ChangeAsync(incident =>
        {
            if (incident.FindPatch(patchId) is not { } patch)
            {
                return Change.Refuse(NoPatch(patchId, incident.Id));
            }

            return Change.Record(new PendingEvent(new PatchTested(patch.Id, result, command["env"], command["evidence"], command["note"]), command["reason"]));
        }, r =>
        {
            var patch = r.Incident.FindPatch(patchId)!;
            var hint = result switch
            {
                "pass" when command["evidence"] is null => " Add --evidence <url>: a deployment request needs test evidence.",
                "waive" when patch.RollbackPlan is null => " A waiver needs a rollback plan before deployment: patch add records it with --rollback.",
                _ => "",
            };
            return CommandContext.Say($"{r.Incident.Id}: {EventText(r)}.{hint}");
        });
    }

    private async Task<CommandResult> FromRunAsync(CommandContext context, ParsedCommand command, string patchId, string run)
    {
        // The run decides the result; a typed one beside it would be a second, possibly contradicting, claim.
        if (command["result"] is { } typed)
        {
            return CommandContext.Error($"A CI run decides the result, so '{typed}' cannot be typed with --run.", RunUsage);
        }

        if (command["evidence"] is not null || command["reason"] is not null)
        {
            return CommandContext.Error("The CI run is the evidence: --evidence and --reason do not go with --run.", RunUsage);
        }

        // Refuse what can be refused before asking the CI API (no incident, unknown patch); the change checks again.
        var snapshot = await context.FindIncidentAsync();
        if (snapshot is null)
        {
            return CommandContext.Error(CommandContext.NoIncident);
        }

        if (snapshot.Incident.FindPatch(patchId) is null)
        {
            return CommandContext.Error(NoPatch(patchId, snapshot.Incident.Id));
        }

        var lookup = await ci.ReadAsync(run, context.CancellationToken);
        if (lookup is not { Status: CiRunLookupStatus.Read, Run: { } facts })
        {
            return CommandContext.Error(lookup.Message ?? "The CI run could not be read; nothing was recorded.", RunUsage);
        }

        return await context.ChangeAsync(incident =>
        {
            if (incident.FindPatch(patchId) is not { } patch)
            {
                return Change.Refuse(NoPatch(patchId, incident.Id));
            }

            var matched = facts.MatchedAgainst(patch.Artifact);
            return Change.Record(new PendingEvent(new PatchTested(patch.Id, matched.Result, command["env"], matched.Url, command["note"], matched), matched.FailReason));
        }, r =>
        {
            var reason = r.Incident.FindPatch(patchId)!.LatestTest?.Run?.FailReason;
            return CommandContext.Say($"{r.Incident.Id}: {EventText(r)}.{(reason is null ? "" : $" Recorded as fail: {reason}.")}");
        });
    }

    private static string NoPatch(string patchId, string incidentId) =>
        $"There is no patch {patchId} in {incidentId}. Add it with: patch add {patchId} \"<description>\" --systems a,b";

    private static string EventText(AppliedOutcome outcome) =>
        Decisions.EventSerializer.Deserialize(outcome.Recorded[0].Kind, outcome.Recorded[0].Payload).Describe();
}
