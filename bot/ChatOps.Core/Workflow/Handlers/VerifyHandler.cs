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
    // A finding is read again after 0.1, 0.2, 0.4, 0.8 and 1.6 s: long enough for a burst of commits (the notice
    // dispatcher recording deliveries one after another) to settle, and for another instance to flush the checkpoint of
    // a change it made (every Audit:CheckpointInterval, 2 s by default); short enough that real tampering is reported
    // within about four seconds.
    private static readonly TimeSpan[] Rereads = [TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(200), TimeSpan.FromMilliseconds(400), TimeSpan.FromMilliseconds(800), TimeSpan.FromMilliseconds(1600)];

    public IReadOnlyCollection<string> Commands { get; } = CommandCatalog.Names("verify");

    public async Task<CommandResult> HandleAsync(CommandContext context, ParsedCommand command)
    {
        ArgumentNullException.ThrowIfNull(context);
        // A change committed while verify reads (a click, the notice dispatcher) can put the snapshot, the records and the
        // checkpoint — three reads — at different heads for a moment. The checkpoint is read first (it is written after its
        // commit, so it never runs ahead of the records), and a finding is read again, after a short pause, before it is
        // reported: tampering persists, a race does not. Checkpoints are written coalesced (AuditCheckpoints), so this
        // instance's pending head of the incident is written before each read: a change made here is covered at once.
        var found = await ReadableIncident.FindAsync(context);
        if (found is null)
        {
            return CommandContext.Error(ReadableIncident.NoneHere);
        }

        var incident = found.Incident;
        AuditReport report;
        for (var reread = 0; ; reread++)
        {
            var checkpoints = context.Services.Checkpoints;
            var keyed = checkpoints is { IsEnabled: true };
            if (keyed)
            {
                await checkpoints!.FlushAsync(context.Actor.TenantId, incident.Id, context.CancellationToken);
            }

            var checkpoint = keyed
                ? await checkpoints!.GetLatestAsync(context.Actor.TenantId, incident.Id, context.CancellationToken)
                : null;
            var snapshot = await ReadableIncident.FindAsync(context);
            if (snapshot is null)
            {
                return CommandContext.Error(ReadableIncident.NoneHere);
            }

            incident = snapshot.Incident;
            var records = await context.Services.Store.GetDecisionsAsync(context.Actor.TenantId, incident.Id, context.CancellationToken);
            report = IncidentAudit.Verify(incident, records, checkpoint, keyed ? checkpoints!.Signer : null);
            if (report.IsIntact || reread == Rereads.Length)
            {
                break;
            }

            // Wall-clock on purpose: this waits for another writer's storage round trip, not for the incident's clock.
            await Task.Delay(Rereads[reread], context.CancellationToken);
        }

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
