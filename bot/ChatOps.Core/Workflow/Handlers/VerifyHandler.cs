using ChatOps.Core.Commands;
using ChatOps.Core.Commands.Grammar;
using ChatOps.Core.Decisions;
using ChatOps.Core.Views;

namespace ChatOps.Core.Workflow.Handlers;

/// <summary>
/// <c>verify</c>: proves the decision log was not edited, deleted from or reordered (chain and keyed checkpoint), and
/// that the stored state is what the records say (replay), naming the record and field that disagree.
/// </summary>
public sealed class VerifyHandler : ICommandHandler
{
    public IReadOnlyCollection<string> Commands { get; } = ["verify"];

    public async Task<CommandResult> HandleAsync(CommandContext context, ParsedCommand command)
    {
        ArgumentNullException.ThrowIfNull(context);
        var snapshot = await ReadableIncident.FindAsync(context);
        if (snapshot is null)
        {
            return CommandContext.Error(ReadableIncident.NoneHere);
        }

        var incident = snapshot.Incident;
        var records = await context.Services.Store.GetDecisionsAsync(context.Actor.TenantId, incident.Id, context.CancellationToken);
        var checkpoints = context.Services.Checkpoints;
        var checkpoint = checkpoints is { IsEnabled: true }
            ? await checkpoints.GetLatestAsync(context.Actor.TenantId, incident.Id, context.CancellationToken)
            : null;
        var report = IncidentAudit.Verify(incident, records, checkpoint, checkpoints is { IsEnabled: true } ? checkpoints.Signer : null);
        var text = report.IsIntact
            ? $"{incident.Id}: intact, {report.RecordCount} records, last hash {report.LastHash}" + (report.Caveat is null ? ", matching its keyed checkpoint and its replayed state." : ", matching its replayed state.")
            : $"{incident.Id}: NOT intact — {string.Join(" ", report.Problems.Select((p, i) => (i == 0 ? p : Capitalize(p)) + "."))}";
        if (report.Caveat is not null)
        {
            text += " " + report.Caveat;
        }

        return CommandResult.Of(new Reply(new TextView(text)));
    }

    private static string Capitalize(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
